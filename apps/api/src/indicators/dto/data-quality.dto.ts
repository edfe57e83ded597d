import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IndicatorCode } from '@cll/domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DateWindowResponse, YearQuery } from './indicator.dto.js';

export class FastRowsQuery extends YearQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One provider’s completions (default: every provider)',
  })
  @IsOptional()
  @IsUUID()
  providerId?: string;
}

export const MOVED_SORTS = ['relative', 'absolute'] as const;

export class MovedQuery extends YearQuery {
  @ApiPropertyOptional({
    enum: MOVED_SORTS,
    description: 'relative (default): |change| ÷ |closed value|; absolute: |change| in the figure’s own unit',
  })
  @IsOptional()
  @IsIn(MOVED_SORTS)
  sort?: (typeof MOVED_SORTS)[number];
}

export class FastProviderRow {
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ description: 'Course completions in the window (learners in the viewer’s townships)' })
  completions: number;
  @ApiProperty({ description: 'Of them, faster than the planned hours allow' }) fast: number;
  @ApiProperty({ description: 'fast ÷ completions' }) share: number;
}

export class FastCompletionsResponse {
  @ApiProperty() year: number;
  @ApiProperty({ type: DateWindowResponse, description: 'Completion dates counted (both ends)' })
  window: DateWindowResponse;
  @ApiProperty({
    description:
      'A completion is fast when the time from the learner’s first sign in the course (enrolment or first class attended, not before the session began) to the recording of the completion is below this share of the course’s planned study hours',
    example: 0.5,
  })
  threshold: number;
  @ApiProperty({
    type: [FastProviderRow],
    description: 'Providers with completions, highest share of fast first',
  })
  providers: FastProviderRow[];
}

export class FastCompletionRow {
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ format: 'uuid' }) enrolmentId: string;
  @ApiProperty({ description: 'The learner’s name, masked (张*)' }) learner: string;
  @ApiProperty({ description: 'The learner’s township code' }) township: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() providerName: string;
  @ApiProperty() plannedHours: number;
  @ApiProperty({ format: 'date-time', description: 'First sign of the learner in the course' })
  startedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the completion was recorded' }) completedAt: string;
  @ApiProperty({ description: 'completedAt − startedAt (negative when recorded before it began)' })
  durationSeconds: number;
}

export class FastCompletionRowsResponse {
  @ApiProperty() year: number;
  @ApiProperty({ type: DateWindowResponse }) window: DateWindowResponse;
  @ApiProperty() threshold: number;
  @ApiProperty({ description: 'At most this many rows are returned' }) limit: number;
  @ApiProperty({ type: [FastCompletionRow] }) rows: FastCompletionRow[];
}

export class MovedFigure {
  @ApiProperty({ enum: IndicatorCode, enumName: 'IndicatorCode' }) code: IndicatorCode;
  @ApiProperty({ enum: ['years', 'share', 'count', 'hours'] }) unit: string;
  @ApiProperty({ enum: ['persons', 'person_times', 'places', 'agreements', 'hours', 'certificates'] })
  counting: string;
  @ApiProperty({ type: String, nullable: true, description: 'Township code; null for the county’s figure' })
  township: string | null;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The closed (frozen) value; null when suppressed',
  })
  closed: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The same year recomputed now (provisional); null when suppressed',
  })
  current: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'current − closed; null when fewer than 5 people are behind the change',
  })
  change: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'change ÷ |closed|; null when closed is 0 or hidden',
  })
  relativeChange: number | null;
}

export class MovedFiguresResponse {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The closed year compared (null: none closed yet)',
  })
  year: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) frozenAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Of the recomputation' })
  computedAt: string | null;
  @ApiProperty({ enum: MOVED_SORTS }) sort: string;
  @ApiProperty({ type: [MovedFigure], description: 'Changes that may be shown, largest first' })
  moved: MovedFigure[];
  @ApiProperty({
    type: [MovedFigure],
    description:
      'Cells that changed but whose change is hidden (fewer than 5 people, or hidden so that one could not be worked out); in the indicators’ order, never by size',
  })
  hidden: MovedFigure[];
}
