import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { CourseCategory, CourseMode, CourseStatus } from '@cll/domain';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { LengthGraphemes, MaxGraphemes } from '../../common/graphemes.js';
import { trim } from '../../people/dto/profile-fields.js';
import { LessonResponse } from './lesson.dto.js';
import { ProgrammeResponse } from './programme.dto.js';
import { SessionResponse } from './session.dto.js';
import { IsDecimal } from '../../common/decimal.js';

export class CourseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  programmeId: string;

  @ApiProperty({ example: '初级电工技能实训', minLength: 2, maxLength: 100 })
  @trim()
  @IsString()
  @LengthGraphemes(2, 100)
  title: string;

  @ApiPropertyOptional({ example: 'Basic electrician training', maxLength: 150 })
  @IsOptional()
  @trim()
  @IsString()
  @MaxGraphemes(150)
  titleEn?: string;

  @ApiProperty({ enum: CourseCategory, enumName: 'CourseCategory' })
  @IsEnum(CourseCategory)
  category: CourseCategory;

  @ApiProperty({ enum: CourseMode, enumName: 'CourseMode' })
  @IsEnum(CourseMode)
  mode: CourseMode;

  @ApiProperty({ example: 48, minimum: 0.5, maximum: 2000, description: 'Study hours (学时)' })
  @Type(() => Number)
  @IsDecimal(1)
  @Min(0.5)
  @Max(2000)
  studyHours: number;

  @ApiProperty({ example: 2, minimum: 0, maximum: 100 })
  @Type(() => Number)
  @IsDecimal(1)
  @Min(0)
  @Max(100)
  credits: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(120)
  minAge?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(120)
  maxAge?: number;

  @ApiProperty({ description: 'Markdown', maxLength: 20000 })
  @IsString()
  @MaxGraphemes(20000)
  description: string;

  @ApiProperty({ description: 'One line shown in result lists', maxLength: 200 })
  @trim()
  @IsString()
  @MaxGraphemes(200)
  coverText: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description:
      "80 when not given. Percent of a video lesson's stated length a learner must have played (checked on the server) before it counts " +
      'as done. A change applies to lessons completed afterwards; lessons already done stay done.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  videoSharePercent?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 7200,
    description:
      '60 when not given. Seconds a text lesson must have been open before the learner can mark it done',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(7200)
  textMinSeconds?: number;
}

export class UpdateCourseDto extends PartialType(OmitType(CourseDto, ['programmeId'] as const)) {}

export class CourseDetail {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ type: ProgrammeResponse }) programme: ProgrammeResponse;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) titleEn: string | null;
  @ApiProperty({ enum: CourseCategory, enumName: 'CourseCategory' }) category: CourseCategory;
  @ApiProperty({ enum: CourseMode, enumName: 'CourseMode' }) mode: CourseMode;
  @ApiProperty() studyHours: number;
  @ApiProperty() credits: number;
  @ApiProperty({ type: Number, nullable: true }) minAge: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxAge: number | null;
  @ApiProperty() description: string;
  @ApiProperty() coverText: string;
  @ApiProperty({ enum: CourseStatus, enumName: 'CourseStatus' }) status: CourseStatus;
  @ApiProperty({ description: 'Percent of a video lesson that must be played' }) videoSharePercent: number;
  @ApiProperty({ description: 'Seconds a text lesson must be open' }) textMinSeconds: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the bureau took the course out of the catalogue',
  })
  unpublishedReason: string | null;
  @ApiProperty({ type: [LessonResponse] }) lessons: LessonResponse[];
  @ApiProperty({ type: [SessionResponse] }) sessions: SessionResponse[];
}

export class CourseSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programmeTitle: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CourseCategory, enumName: 'CourseCategory' }) category: CourseCategory;
  @ApiProperty({ enum: CourseMode, enumName: 'CourseMode' }) mode: CourseMode;
  @ApiProperty({ enum: CourseStatus, enumName: 'CourseStatus' }) status: CourseStatus;
  @ApiProperty() lessonCount: number;
  @ApiProperty() sessionCount: number;
  @ApiProperty({ description: 'Seats in all sessions' }) capacity: number;
  @ApiProperty({ description: 'Learners enrolled in all sessions' }) enrolledCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextSessionStartsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) unpublishedReason: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
