import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CourseCategory,
  CourseMode,
  DIVISION_CODE_PATTERN,
  LessonKind,
  ProgrammeKind,
  ProviderKind,
} from '@cll/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { MaxGraphemes } from '../../common/graphemes.js';
import { SessionResponse } from './session.dto.js';

const bool = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

export class CatalogueQuery {
  @ApiPropertyOptional({ example: '电工', description: 'Words or parts of words, Chinese or English' })
  @IsOptional()
  @IsString()
  @MaxGraphemes(100)
  q?: string;

  @ApiPropertyOptional({ enum: CourseCategory, enumName: 'CourseCategory' })
  @IsOptional()
  @IsEnum(CourseCategory)
  category?: CourseCategory;

  @ApiPropertyOptional({ description: 'Courses with a current or coming session in this township' })
  @IsOptional()
  @Matches(DIVISION_CODE_PATTERN, { message: '$property must be a 12-digit division code' })
  townshipCode?: string;

  @ApiPropertyOptional({
    description:
      'The resident’s own township: courses with a class there come first among equally relevant ones (filters nothing)',
  })
  @IsOptional()
  @Matches(DIVISION_CODE_PATTERN, { message: '$property must be a 12-digit division code' })
  nearTownshipCode?: string;

  @ApiPropertyOptional({ enum: CourseMode, enumName: 'CourseMode' })
  @IsOptional()
  @IsEnum(CourseMode)
  mode?: CourseMode;

  @ApiPropertyOptional({ description: 'Only courses open to people aged 60 and over' })
  @IsOptional()
  @bool()
  @IsBoolean()
  forElderly?: boolean;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    description: 'Only courses with a session starting within this many days',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  startsWithinDays?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({
    description: 'Only courses with a coming session that has free places and open enrolment',
  })
  @IsOptional()
  @bool()
  @IsBoolean()
  hasSeats?: boolean;

  @ApiPropertyOptional({ type: Number, default: 1, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page: number = 1;

  @ApiPropertyOptional({ type: Number, default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

export class CourseQuery {
  @ApiPropertyOptional({ description: 'The resident’s own township: its classes are listed first' })
  @IsOptional()
  @Matches(DIVISION_CODE_PATTERN, { message: '$property must be a 12-digit division code' })
  nearTownshipCode?: string;
}

export class ProviderRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class NextSession {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty() online: boolean;
  @ApiProperty({ type: String, nullable: true }) townshipName: string | null;
  @ApiProperty({ type: String, nullable: true }) townshipCode: string | null;
  @ApiProperty() seatsLeft: number;
}

export class CatalogueItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) titleEn: string | null;
  @ApiProperty({ enum: CourseCategory, enumName: 'CourseCategory' }) category: CourseCategory;
  @ApiProperty({ enum: CourseMode, enumName: 'CourseMode' }) mode: CourseMode;
  @ApiProperty() studyHours: number;
  @ApiProperty() credits: number;
  @ApiProperty({ type: Number, nullable: true }) minAge: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxAge: number | null;
  @ApiProperty() coverText: string;
  @ApiProperty({ type: ProviderRef }) provider: ProviderRef;
  @ApiProperty({ type: NextSession, nullable: true, description: 'The first of nextSessions' })
  nextSession: NextSession | null;
  @ApiProperty({
    type: [NextSession],
    description: 'Up to three current or coming sessions: those in nearTownshipCode first, then by start',
  })
  nextSessions: NextSession[];
  @ApiProperty({ description: 'How many current and coming sessions the course has' })
  upcomingSessions: number;
  @ApiProperty({ description: 'Free places in all current and coming sessions' }) seatsLeft: number;
}

export class CataloguePage {
  @ApiProperty({ type: [CatalogueItem] }) items: CatalogueItem[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PublicProviderRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ProviderKind, enumName: 'ProviderKind' }) kind: ProviderKind;
  @ApiProperty() townshipName: string;
}

export class ProgrammeRef {
  @ApiProperty({ enum: ProgrammeKind, enumName: 'ProgrammeKind' }) kind: ProgrammeKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) occupationCode: string | null;
}

export class LessonOutline {
  @ApiProperty() position: number;
  @ApiProperty({ enum: LessonKind, enumName: 'LessonKind' }) kind: LessonKind;
  @ApiProperty() title: string;
  @ApiProperty({ type: Number, nullable: true }) durationMinutes: number | null;
}

export class PublicCourse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) titleEn: string | null;
  @ApiProperty({ enum: CourseCategory, enumName: 'CourseCategory' }) category: CourseCategory;
  @ApiProperty({ enum: CourseMode, enumName: 'CourseMode' }) mode: CourseMode;
  @ApiProperty() studyHours: number;
  @ApiProperty() credits: number;
  @ApiProperty({ type: Number, nullable: true }) minAge: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxAge: number | null;
  @ApiProperty({ description: 'Markdown' }) description: string;
  @ApiProperty() coverText: string;
  @ApiProperty({ type: PublicProviderRef }) provider: PublicProviderRef;
  @ApiProperty({ type: ProgrammeRef }) programme: ProgrammeRef;
  @ApiProperty({ type: [LessonOutline] }) lessons: LessonOutline[];
  @ApiProperty({ type: [SessionResponse], description: 'Current and coming sessions' })
  sessions: SessionResponse[];
}
