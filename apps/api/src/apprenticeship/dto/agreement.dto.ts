import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AgreementEventType,
  AgreementParty,
  AgreementState,
  ApprenticeshipScheme,
  MOBILE_PATTERN,
  OCCUPATION_CODE_PATTERN,
  WarningFlag,
  WithdrawalReason,
} from '@cll/domain';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LengthGraphemes, MaxGraphemes } from '../../common/graphemes.js';
import { IsDateOnly } from '../../common/date-only.js';
import { trim } from '../../people/dto/profile-fields.js';
import { AssessmentResponse } from './assessment.dto.js';

export class GuardianDto {
  @ApiProperty({ example: '李建国' })
  @trim()
  @IsString()
  @LengthGraphemes(1, 50)
  name: string;

  @ApiProperty({ example: '父亲', description: 'Relationship to the apprentice' })
  @trim()
  @IsString()
  @LengthGraphemes(1, 20)
  relationship: string;

  @ApiProperty({ example: '13900000001' })
  @Matches(MOBILE_PATTERN, { message: '$property must be a mainland mobile number' })
  mobile: string;
}

/** The terms every party confirms; a change to any of them makes a new version. */
export class AgreementTermsDto {
  @ApiProperty({ format: 'uuid', description: 'A programme of the school' })
  @IsUUID()
  programmeId: string;

  @ApiPropertyOptional({ example: '6-18-01-01', description: '国家职业分类大典 code' })
  @IsOptional()
  @trim()
  @Matches(OCCUPATION_CODE_PATTERN, { message: '$property must look like 6-18-01-01' })
  occupationCode?: string;

  @ApiProperty({ example: '数控车工' })
  @trim()
  @IsString()
  @LengthGraphemes(1, 100)
  occupationName: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'School mentor (学校导师): staff of the school' })
  @IsOptional()
  @IsUUID()
  schoolMentorUserId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Enterprise mentor (企业师傅): a mentor of the enterprise',
  })
  @IsOptional()
  @IsUUID()
  enterpriseMentorUserId?: string;

  @ApiProperty({ example: '2026-09-01', format: 'date' })
  @IsDateOnly()
  startDate: string;

  @ApiProperty({ example: '2028-06-30', format: 'date' })
  @IsDateOnly()
  plannedEndDate: string;

  @ApiProperty({ example: 600, minimum: 0, maximum: 10000 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  plannedSchoolHours: number;

  @ApiProperty({ example: 1600, minimum: 0, maximum: 10000 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  plannedWorkplaceHours: number;

  @ApiPropertyOptional({
    type: GuardianDto,
    description: 'Required when the apprentice is under 18 at the start',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GuardianDto)
  guardian?: GuardianDto;
}

export class DraftAgreementDto extends AgreementTermsDto {
  @ApiProperty({ format: 'uuid', description: 'The school (a provider I work for)' })
  @IsUUID()
  providerId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  enterpriseId: string;

  @ApiProperty({ example: '13800000001', description: 'Mobile number of the apprentice’s learner account' })
  @Matches(MOBILE_PATTERN, { message: '$property must be a mainland mobile number' })
  apprenticeMobile: string;

  @ApiProperty({ enum: ApprenticeshipScheme, enumName: 'ApprenticeshipScheme' })
  @IsEnum(ApprenticeshipScheme)
  scheme: ApprenticeshipScheme;
}

export class AmendAgreementDto extends AgreementTermsDto {
  @ApiProperty({
    description: 'The version being changed; a stale one is refused (AGREEMENT_VERSION_CHANGED)',
  })
  @IsInt()
  @Min(1)
  version: number;
}

export class ConfirmAgreementDto {
  @ApiProperty({ description: 'The version read and confirmed' })
  @IsInt()
  @Min(1)
  version: number;
}

export class GuardianConsentDto extends ConfirmAgreementDto {
  @ApiProperty({ format: 'date', description: 'Date on the signed consent form (知情同意书)' })
  @IsDateOnly()
  consentedOn: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @trim()
  @IsString()
  @MaxGraphemes(200)
  note?: string;
}

export class EffectiveDateDto {
  @ApiProperty({ format: 'date', description: 'From when the change applies; today or earlier' })
  @IsDateOnly()
  effectiveDate: string;
}

export class PauseDto extends EffectiveDateDto {
  @ApiProperty({ example: '因病休学', maxLength: 500 })
  @trim()
  @IsString()
  @LengthGraphemes(1, 500)
  reason: string;
}

export class WithdrawDto extends EffectiveDateDto {
  @ApiProperty({ enum: WithdrawalReason, enumName: 'WithdrawalReason' })
  @IsEnum(WithdrawalReason)
  reasonCode: WithdrawalReason;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @trim()
  @IsString()
  @MaxGraphemes(500)
  reason?: string;
}

export class TransferDto extends EffectiveDateDto {
  @ApiProperty({ format: 'uuid', description: 'The enterprise the apprenticeship continues with' })
  @IsUUID()
  enterpriseId: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  enterpriseMentorUserId?: string;

  @ApiProperty({ maxLength: 500 })
  @trim()
  @IsString()
  @LengthGraphemes(1, 500)
  reason: string;
}

export class AgreementListQuery {
  @ApiPropertyOptional({ enum: AgreementState, enumName: 'AgreementState' })
  @IsOptional()
  @IsEnum(AgreementState)
  state?: AgreementState;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this school (staff of several schools)' })
  @IsOptional()
  @IsUUID()
  providerId?: string;
}

export class SummaryQuery {
  @ApiProperty({ format: 'date', description: 'Reference date' })
  @IsDateOnly()
  date: string;

  @ApiProperty({ format: 'uuid', description: 'The school' })
  @IsUUID()
  providerId: string;
}

export class OptionsQuery {
  @ApiProperty({ format: 'uuid', description: 'The school' })
  @IsUUID()
  providerId: string;
}

// ---- Responses --------------------------------------------------------------------------------------------------

export class WarningResponse {
  @ApiProperty({ enum: WarningFlag, enumName: 'WarningFlag' }) flag: WarningFlag;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string' }], nullable: true },
    description: 'Figures behind the flag: expected/signed/shortShare, weeks, lastAssessmentOn',
  })
  figures: Record<string, number | string | null>;
}

export class AgreementSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ApprenticeshipScheme, enumName: 'ApprenticeshipScheme' }) scheme: ApprenticeshipScheme;
  @ApiProperty({
    enum: AgreementState,
    enumName: 'AgreementState',
    description: 'As of today, from the events',
  })
  state: AgreementState;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'uuid' }) apprenticeUserId: string;
  @ApiProperty() apprenticeName: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ format: 'uuid' }) enterpriseId: string;
  @ApiProperty() enterpriseName: string;
  @ApiProperty() occupationName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) schoolMentorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) schoolMentorName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) enterpriseMentorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) enterpriseMentorName: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) plannedEndDate: string;
  @ApiProperty() plannedSchoolHours: number;
  @ApiProperty() plannedWorkplaceHours: number;
  @ApiProperty({ description: 'Hours counted: signed by the school mentor' }) signedSchoolHours: number;
  @ApiProperty({ description: 'Hours counted: signed by the enterprise mentor' })
  signedWorkplaceHours: number;
  @ApiProperty({
    enum: AgreementParty,
    enumName: 'AgreementParty',
    isArray: true,
    description: 'Parties that have not yet confirmed the current version',
  })
  pendingParties: AgreementParty[];
  @ApiProperty({ description: 'Weeks waiting for a mentor’s signature' }) weeksToSign: number;
  @ApiProperty({ type: [WarningResponse], description: 'Early-warning flags (active agreements)' })
  warnings: WarningResponse[];
  @ApiProperty({ description: 'Higher is more worrying; the coordinator’s list is sorted by it' })
  riskScore: number;
}

export class ConfirmationResponse {
  @ApiProperty({ enum: AgreementParty, enumName: 'AgreementParty' }) party: AgreementParty;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) confirmedAt: string;
  @ApiProperty() confirmedByName: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class AgreementEventResponse {
  @ApiProperty() seq: string;
  @ApiProperty({ enum: AgreementEventType, enumName: 'AgreementEventType' }) type: AgreementEventType;
  @ApiProperty({ enum: AgreementState, enumName: 'AgreementState', nullable: true })
  stateAfter: AgreementState | null;
  @ApiProperty({ format: 'date' }) effectiveDate: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ enum: WithdrawalReason, enumName: 'WithdrawalReason', nullable: true })
  reasonCode: WithdrawalReason | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, enum: AgreementParty, enumName: 'AgreementParty' })
  party: AgreementParty | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

export class GuardianResponse {
  @ApiProperty() name: string;
  @ApiProperty() relationship: string;
  @ApiProperty() mobileMasked: string;
}

export class AgreementDetail extends AgreementSummary {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programmeTitle: string;
  @ApiProperty({ type: String, nullable: true }) occupationCode: string | null;
  @ApiProperty({ type: GuardianResponse, nullable: true }) guardian: GuardianResponse | null;
  @ApiProperty({ description: 'The apprentice is under 18 on the start date' }) guardianRequired: boolean;
  @ApiProperty({ description: 'Age of the apprentice on the start date' }) apprenticeAgeAtStart: number;
  @ApiProperty({
    enum: AgreementParty,
    enumName: 'AgreementParty',
    isArray: true,
    description: 'Parties the signed-in user confirms for (the guardian’s consent is recorded by the school)',
  })
  myParties: AgreementParty[];
  @ApiProperty({ type: [ConfirmationResponse], description: 'Confirmations of the current version' })
  confirmations: ConfirmationResponse[];
  @ApiProperty({ type: [AgreementEventResponse] }) events: AgreementEventResponse[];
  @ApiProperty({ type: [AssessmentResponse] }) assessments: AssessmentResponse[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) predecessorId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) successorId: string | null;
}

export class ReplaySummary {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ description: 'Agreements active on the date' }) active: number;
  @ApiProperty({ description: 'Agreements on a break in learning on the date' }) paused: number;
  @ApiProperty({
    description: 'Apprenticeships started by the date (a transfer continues one, it is no new start)',
  })
  started: number;
  @ApiProperty() completed: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() transferred: number;
  @ApiProperty({ description: 'Signed school hours on days up to the date' }) signedSchoolHours: number;
  @ApiProperty({ description: 'Signed workplace hours on days up to the date' }) signedWorkplaceHours: number;
}

export class PersonOption {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
}

export class ProgrammeOption {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) occupationCode: string | null;
}

export class AgreementOptions {
  @ApiProperty({
    type: [ProgrammeOption],
    description: 'Apprenticeship and vocational programmes of the school',
  })
  programmes: ProgrammeOption[];
  @ApiProperty({ type: [PersonOption], description: 'Staff of the school who can be school mentor' })
  schoolMentors: PersonOption[];
}

export class EnterpriseMentorsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  enterpriseId: string;
}
