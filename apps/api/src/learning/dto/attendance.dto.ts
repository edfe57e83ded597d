import { ApiProperty } from '@nestjs/swagger';
import { EnrolmentStatus } from '@cll/domain';
import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID } from 'class-validator';
import { LengthGraphemes } from '../../common/graphemes.js';
import { IsDateOnly } from '../../common/date-only.js';

export class RosterQuery {
  @ApiProperty({ example: '2026-12-01', description: 'Class date (Beijing time)' })
  @IsDateOnly()
  date: string;
}

export class AttendanceDto {
  @ApiProperty({ example: '2026-12-01' })
  @IsDateOnly()
  date: string;

  @ApiProperty({
    type: [String],
    description: 'Everyone present; the others are recorded absent for that date',
  })
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  presentEnrolmentIds: string[];
}

export class OutcomeDto {
  @ApiProperty({ enum: ['completed', 'failed'] })
  @IsIn(['completed', 'failed'])
  outcome: 'completed' | 'failed';

  @ApiProperty({ minLength: 2, maxLength: 500 })
  @IsString()
  @LengthGraphemes(2, 500)
  reason: string;
}

export class RosterLearner {
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) mobileMasked: string | null;
  @ApiProperty({ enum: EnrolmentStatus, enumName: 'EnrolmentStatus' }) status: EnrolmentStatus;
  @ApiProperty() present: boolean;
  @ApiProperty({ description: 'Classes attended so far' }) attended: number;
}

export class RosterSession {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() classCount: number;
}

export class RosterResponse {
  @ApiProperty({ type: RosterSession }) session: RosterSession;
  @ApiProperty() date: string;
  @ApiProperty({ type: [String] }) heldDates: string[];
  @ApiProperty({ type: [RosterLearner] }) learners: RosterLearner[];
}
