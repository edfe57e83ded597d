import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AttainmentLevel, EmploymentStatus, MOBILE_PATTERN, Sex } from '@cll/domain';
import { Type } from 'class-transformer';
import {
  Equals,
  IsEnum,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LengthGraphemes } from '../../common/graphemes.js';
import { trim } from '../../people/dto/profile-fields.js';

const mobile = { message: '$property must be an 11-digit mainland mobile number' };

export class StaffEnrolDto {
  @ApiProperty({ example: '13800000001' })
  @trim()
  @Matches(MOBILE_PATTERN, mobile)
  mobile: string;
}

export class NewLearnerDto {
  @ApiProperty({ example: '赵桂英' })
  @trim()
  @IsString()
  @LengthGraphemes(1, 50)
  name: string;

  @ApiProperty({ example: '1948-05-02', format: 'date' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  birthDate: string;

  @ApiProperty({ enum: Sex, enumName: 'Sex' })
  @IsEnum(Sex)
  sex: Sex;

  @ApiProperty({ example: '339901103000' })
  @Matches(/^\d{12}$/)
  townshipCode: string;

  @ApiProperty({ example: '339901103201' })
  @Matches(/^\d{12}$/)
  villageCode: string;

  @ApiProperty({ enum: AttainmentLevel, enumName: 'AttainmentLevel' })
  @IsEnum(AttainmentLevel)
  attainment: AttainmentLevel;

  @ApiProperty({ enum: EmploymentStatus, enumName: 'EmploymentStatus' })
  @IsEnum(EmploymentStatus)
  employmentStatus: EmploymentStatus;
}

export class ProxyEnrolDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId: string;

  @ApiProperty({ enum: ['family', 'village_worker', 'other'] })
  @IsIn(['family', 'village_worker', 'other'])
  relationship: 'family' | 'village_worker' | 'other';

  @ApiProperty({ description: 'The learner agreed to be enrolled by the proxy (recorded with the time)' })
  @Equals(true, { message: 'consent must be given' })
  consent: boolean;

  @ApiPropertyOptional({
    example: '13900000123',
    description: 'The resident’s mobile (the consent code went there); give this or learnerUserId',
  })
  @ValidateIf((o: ProxyEnrolDto) => o.learnerUserId === undefined)
  @trim()
  @Matches(MOBILE_PATTERN, mobile)
  learnerMobile?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The resident’s account, for one whose consent was recorded in person (a managed account may have no mobile)',
  })
  @IsOptional()
  @IsUUID()
  learnerUserId?: string;

  @ApiPropertyOptional({
    type: NewLearnerDto,
    description: 'Registers the learner when no account has the mobile',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewLearnerDto)
  newLearner?: NewLearnerDto;
}

export class RosterImportDto {
  @ApiProperty({
    description: 'CSV with a header line `mobile,name`; up to 2,000 rows',
    example: 'mobile,name\n13800000001,王秀兰',
  })
  @IsString()
  @MaxLength(200_000)
  csv: string;
}

export class RejectedRow {
  @ApiProperty() line: number;
  @ApiProperty() mobile: string;
  @ApiProperty() code: string;
  @ApiProperty() message: string;
}

export class RosterImportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status:
    'queued' | 'running' | 'done' | 'failed';
  @ApiProperty() total: number;
  @ApiProperty() processed: number;
  @ApiProperty() enrolled: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [RejectedRow] }) rejectedRows: RejectedRow[];
}
