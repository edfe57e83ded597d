import { LessonEvidence } from '../learning/dto/learning.dto.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, PublishProblem } from '@cll/domain';

class FieldProblemResponse {
  @ApiProperty({ example: 'mobile' }) field: string;
  @ApiProperty({ example: 'isMobilePhone' }) code: string;
  @ApiProperty({ example: 'mobile must be a mainland mobile number' }) message: string;
}

class PublishProblemResponse {
  @ApiProperty({ enum: PublishProblem, enumName: 'PublishProblem' }) code: PublishProblem;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ format: 'uuid' }) sessionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) lessonId?: string;
}

/** The body of every 4xx and 5xx answer (see ErrorFilter). Clients branch on `code`, never on `message`. */
export class ErrorResponse {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode' }) code: ErrorCode;
  @ApiProperty({ description: 'For people; may change between releases' }) message: string;
  @ApiProperty({ description: 'Also in the x-request-id header; quote it when reporting a problem' })
  requestId: string;
  @ApiPropertyOptional({
    type: [FieldProblemResponse],
    description: 'With VALIDATION_FAILED and field-specific rule failures',
  })
  fields?: FieldProblemResponse[];
  @ApiPropertyOptional({
    type: [PublishProblemResponse],
    description: 'With COURSE_NOT_PUBLISHABLE: every reason the course cannot be published yet',
  })
  problems?: PublishProblemResponse[];
  @ApiPropertyOptional({
    type: 'integer',
    description: 'With RATE_LIMITED: seconds until another attempt is allowed (also in Retry-After)',
  })
  retryAfterSeconds?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'With AUTH_STEP_UP_REQUIRED: the code to answer' })
  challengeId?: string;
  @ApiPropertyOptional({ description: 'With AUTH_STEP_UP_REQUIRED: seconds the code stays valid' })
  expiresInSeconds?: number;
  @ApiPropertyOptional({
    example: '138****0001',
    description: 'With AUTH_STEP_UP_REQUIRED: where the code went',
  })
  mobileMasked?: string;
  @ApiPropertyOptional({
    description: 'With MFA_REQUIRED and STEP_UP_REQUIRED: whether the account has an authenticator enrolled',
  })
  secondFactorEnrolled?: boolean;
  @ApiPropertyOptional({
    type: LessonEvidence,
    description: 'With LESSON_NOT_DONE_YET: how much was played or read, and what the course asks for',
  })
  evidence?: LessonEvidence;
}
