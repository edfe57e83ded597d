import { ApiProperty } from '@nestjs/swagger';
import { LogStatus, TrainingSetting } from '@cll/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LengthGraphemes } from '../../common/graphemes.js';
import { IsDateOnly } from '../../common/date-only.js';
import { trim } from '../../people/dto/profile-fields.js';
import { IsDecimal } from '../../common/decimal.js';

export class LogDayDto {
  @ApiProperty({ format: 'date', description: 'A day of the week being logged' })
  @IsDateOnly()
  date: string;

  @ApiProperty({ example: 0, minimum: 0, maximum: 12 })
  @IsDecimal(1)
  @Min(0)
  @Max(12)
  schoolHours: number;

  @ApiProperty({ example: 8, minimum: 0, maximum: 24, description: 'At most 8 are allowed (LOG_DAY_LIMIT)' })
  @IsDecimal(1)
  @Min(0)
  @Max(24)
  workplaceHours: number;
}

export class LogWeekDto {
  @ApiProperty({ type: [LogDayDto], description: 'The days with training, 1 to 7 of the same ISO week' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => LogDayDto)
  days: LogDayDto[];

  @ApiProperty({ example: '在车间学习数控车床对刀与首件检验。', maxLength: 2000 })
  @trim()
  @IsString()
  @LengthGraphemes(1, 2000)
  description: string;
}

export class SignWeeksDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Weeks to sign in one action; all or none' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  weekIds: string[];
}

export class ReturnWeekDto {
  @ApiProperty({ example: '请补充周三的工作内容。', maxLength: 500 })
  @trim()
  @IsString()
  @LengthGraphemes(1, 500)
  comment: string;
}

export class LogDayResponse {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() schoolHours: number;
  @ApiProperty() workplaceHours: number;
}

export class LogWeekResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agreementId: string;
  @ApiProperty({ example: '2026-W48' }) isoWeek: string;
  @ApiProperty({ format: 'date', description: 'Monday of the week' }) weekStart: string;
  @ApiProperty() description: string;
  @ApiProperty() schoolHours: number;
  @ApiProperty() workplaceHours: number;
  @ApiProperty({ enum: LogStatus, enumName: 'LogStatus' }) schoolStatus: LogStatus;
  @ApiProperty({ enum: LogStatus, enumName: 'LogStatus' }) workplaceStatus: LogStatus;
  @ApiProperty({ type: String, nullable: true }) schoolComment: string | null;
  @ApiProperty({ type: String, nullable: true }) workplaceComment: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) schoolSignedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) workplaceSignedAt: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: [LogDayResponse] }) days: LogDayResponse[];
}

export class WeekToSign extends LogWeekResponse {
  @ApiProperty() apprenticeName: string;
  @ApiProperty() occupationName: string;
  @ApiProperty() enterpriseName: string;
  @ApiProperty({ enum: TrainingSetting, enumName: 'TrainingSetting', description: 'The part I sign' })
  setting: TrainingSetting;
}
