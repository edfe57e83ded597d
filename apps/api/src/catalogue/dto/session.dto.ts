import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { DIVISION_CODE_PATTERN } from '@cll/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { LengthGraphemes, MaxGraphemes } from '../../common/graphemes.js';
import { trim } from '../../people/dto/profile-fields.js';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A mobile (13812345678) or a landline with area code (0571-12345678), optionally an extension (-123). */
export const CONTACT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;

const instant = { message: '$property must be a date and time like 2026-12-01T09:00:00+08:00' };

export class SessionDto {
  @ApiProperty({ example: '2026年冬季班', maxLength: 100 })
  @trim()
  @IsString()
  @LengthGraphemes(1, 100)
  label: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00+08:00' })
  @IsISO8601({ strict: true }, instant)
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-20T11:00:00+08:00' })
  @IsISO8601({ strict: true }, instant)
  endsAt: string;

  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 500,
    description: 'How many times the class meets (for attendance); 1 when not given',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  classCount?: number;

  @ApiProperty({ description: 'Online sessions need no place' })
  @IsBoolean()
  online: boolean;

  @ApiPropertyOptional({ example: '339901102000' })
  @IsOptional()
  @Matches(DIVISION_CODE_PATTERN, { message: '$property must be a 12-digit division code' })
  townshipCode?: string;

  @ApiPropertyOptional({ example: '339901102203' })
  @IsOptional()
  @Matches(DIVISION_CODE_PATTERN, { message: '$property must be a 12-digit division code' })
  villageCode?: string;

  @ApiPropertyOptional({ example: '溪口镇文化站二楼教室', maxLength: 200 })
  @IsOptional()
  @trim()
  @IsString()
  @MaxGraphemes(200)
  venue?: string;

  @ApiPropertyOptional({
    example: '溪口镇人民路 12 号',
    maxLength: 200,
    description: 'Street address of the venue',
  })
  @IsOptional()
  @trim()
  @IsString()
  @MaxGraphemes(200)
  address?: string;

  @ApiPropertyOptional({
    type: [Number],
    example: [2, 4],
    description:
      'Class days, ISO weekdays (1 Monday … 7 Sunday). Not given: the weekday of startsAt on a new session, unchanged on an edit',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  classWeekdays?: number[];

  @ApiPropertyOptional({
    example: '09:00',
    description: 'Class start, county time; default the time of startsAt',
  })
  @IsOptional()
  @Matches(HH_MM, { message: '$property must be a time like 09:00' })
  classStartTime?: string;

  @ApiPropertyOptional({
    example: '11:00',
    description: 'Class end, county time; default the time of endsAt',
  })
  @IsOptional()
  @Matches(HH_MM, { message: '$property must be a time like 11:00' })
  classEndTime?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100_000_000,
    description: 'Fee in fen (0.01 yuan); 0 or not given: free',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  feeFen?: number;

  @ApiPropertyOptional({
    example: '0571-12345678',
    description: 'Who to call about this class; an empty string removes it',
  })
  @IsOptional()
  @trim()
  @ValidateIf((o: SessionDto) => o.contactPhone !== '')
  @Matches(CONTACT_PHONE_PATTERN, {
    message: '$property must be a mobile number or a landline with its area code',
  })
  contactPhone?: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, instant)
  enrolmentOpensAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, instant)
  enrolmentClosesAt: string;
}

export class UpdateSessionDto extends PartialType(SessionDto) {}

export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() capacity: number;
  @ApiProperty() classCount: number;
  @ApiProperty() enrolledCount: number;
  @ApiProperty() seatsLeft: number;
  @ApiProperty() online: boolean;
  @ApiProperty({ type: String, nullable: true }) townshipCode: string | null;
  @ApiProperty({ type: String, nullable: true }) townshipName: string | null;
  @ApiProperty({ type: String, nullable: true }) villageCode: string | null;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: [Number], description: 'Class days, ISO weekdays (1 Monday … 7 Sunday)' })
  classWeekdays: number[];
  @ApiProperty({ example: '09:00' }) classStartTime: string;
  @ApiProperty({ example: '11:00' }) classEndTime: string;
  @ApiProperty({ format: 'date', description: 'Date of the first day of the session (county time)' })
  firstClassDate: string;
  @ApiProperty({ format: 'date', description: 'Date of the last day of the session (county time)' })
  lastClassDate: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The next class not yet begun; null once the last one has',
  })
  nextClassDate: string | null;
  @ApiProperty({ description: 'Fee in fen (0.01 yuan); 0 is free' }) feeFen: number;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty({ format: 'date-time' }) enrolmentOpensAt: string;
  @ApiProperty({ format: 'date-time' }) enrolmentClosesAt: string;
  @ApiProperty({ description: 'Whether enrolment is open now' }) enrolmentOpen: boolean;
  @ApiProperty() cancelled: boolean;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
}
