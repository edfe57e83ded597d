import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { DIVISION_CODE_PATTERN } from '@cll/domain';
import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { LengthGraphemes, MaxGraphemes } from '../../common/graphemes.js';
import { trim } from '../../people/dto/profile-fields.js';

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
  @ApiProperty({ format: 'date-time' }) enrolmentOpensAt: string;
  @ApiProperty({ format: 'date-time' }) enrolmentClosesAt: string;
  @ApiProperty({ description: 'Whether enrolment is open now' }) enrolmentOpen: boolean;
  @ApiProperty() cancelled: boolean;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
}
