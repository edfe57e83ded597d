import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IndicatorCode } from '@cll/domain';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsDecimal } from '../../common/decimal.js';

const DIMENSIONS = ['township', 'age_band', 'sex', 'category'];

export class YearQuery {
  @ApiPropertyOptional({ description: 'Reporting year (default: this year)', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class DashboardQuery extends YearQuery {
  @ApiPropertyOptional({ description: 'Participation age band, from (default 25)', example: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  ageFrom?: number;

  @ApiPropertyOptional({ description: 'Participation age band, to (default 64)', example: 64 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(120)
  ageTo?: number;
}

export class DrillQuery extends YearQuery {
  @ApiProperty({ enum: IndicatorCode, enumName: 'IndicatorCode' })
  @IsEnum(IndicatorCode)
  code: IndicatorCode;

  @ApiProperty({ example: '339901101000' })
  @Matches(/^\d{12}$/, { message: '$property must be a 12-digit township code' })
  township: string;
}

export class TargetDto {
  @ApiProperty({ example: 10.2, description: 'Shares as fractions (0.5 = 50 %), years, counts or hours' })
  @IsDecimal(4)
  @Min(0)
  @Max(10_000_000)
  value: number;
}

export class AgeBandResponse {
  @ApiProperty() from: number;
  @ApiProperty({ type: Number, nullable: true }) to: number | null;
}

export class BaselineRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() source: string;
  @ApiProperty() year: number;
}

export class PublishedCell {
  @ApiProperty({ description: 'Township code, age band (15-19), sex or category code' }) key: string;
  @ApiProperty({ type: String, nullable: true, description: 'Township name' }) label: string | null;
  @ApiProperty({ type: Number, nullable: true }) numerator: number | null;
  @ApiProperty({ type: Number, nullable: true }) denominator: number | null;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ description: 'Hidden: fewer than 5 people, or hidden so that one could not be worked out' })
  suppressed: boolean;
  @ApiProperty({
    type: () => RestatementResponse,
    nullable: true,
    description: 'Closed years: this cell recomputed with later data, where it differs',
  })
  restatement: RestatementResponse | null;
}

export class Breakdowns {
  @ApiPropertyOptional({ type: [PublishedCell] }) township?: PublishedCell[];
  @ApiPropertyOptional({ type: [PublishedCell] }) age_band?: PublishedCell[];
  @ApiPropertyOptional({ type: [PublishedCell] }) sex?: PublishedCell[];
  @ApiPropertyOptional({ type: [PublishedCell] }) category?: PublishedCell[];
}

export class TrendPoint {
  @ApiProperty() year: number;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ description: 'From the frozen snapshot of a closed year' }) frozen: boolean;
}

export class RestatementResponse {
  @ApiProperty({ type: Number, nullable: true, description: 'The figure recomputed with the data known now' })
  value: number | null;
  @ApiProperty({ type: Number, nullable: true }) numerator: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Recomputed minus frozen; hidden when fewer than 5 people are behind the change',
  })
  difference: number | null;
  @ApiProperty({ description: 'Hidden: the change comes from fewer than 5 people' }) suppressed: boolean;
}

export class DefinitionChangeResponse {
  @ApiProperty({ description: 'The definition version the closed year was published with' })
  fromVersion: number;
  @ApiProperty({ description: 'The definition version in use now' }) toVersion: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The closed year computed now under the current definition; null when suppressed. Not a restatement: the difference comes from the change of definition as well as from later data',
  })
  value: number | null;
  @ApiProperty() suppressed: boolean;
}

export class DateWindowResponse {
  @ApiProperty({ format: 'date', description: 'First day counted' }) first: string;
  @ApiProperty({ format: 'date', description: 'Last day counted (the reference date)' }) last: string;
}

export class WindowsResponse {
  @ApiProperty({
    type: DateWindowResponse,
    description: 'The reporting period: 1 January to the reference date',
  })
  period: DateWindowResponse;
  @ApiProperty({ type: DateWindowResponse, name: '12m' }) '12m': DateWindowResponse;
  @ApiProperty({ type: DateWindowResponse, name: '4w' }) '4w': DateWindowResponse;
  @ApiProperty({ type: DateWindowResponse, name: '90d' }) '90d': DateWindowResponse;
}

export const FIGURE_WINDOWS = ['period', '12m', '4w', '90d', 'reference_date', 'baseline'] as const;
export const FIGURE_BASES = ['closed', 'provisional', 'live'] as const;

export class IndicatorFigureResponse {
  @ApiProperty({ enum: IndicatorCode, enumName: 'IndicatorCode' }) code: IndicatorCode;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['years', 'share', 'count', 'hours'] }) unit: string;
  @ApiProperty({ enum: ['persons', 'person_times', 'places', 'agreements', 'hours', 'certificates'] })
  counting: string;
  @ApiProperty() formula: string;
  @ApiProperty({ description: 'Whether the denominator comes from the population baseline' })
  needsBaseline: boolean;
  @ApiProperty({
    enum: FIGURE_WINDOWS,
    enumName: 'FigureWindow',
    description:
      'What the figure counts over: the period, a rolling window (see `windows`), the reference date',
  })
  window: (typeof FIGURE_WINDOWS)[number];
  @ApiProperty({
    enum: FIGURE_BASES,
    enumName: 'FigureBasis',
    description:
      'closed: the frozen publication of a closed year; provisional: the stored recomputation; live: computed for this request (another age band, or nothing stored yet), never part of a closed publication',
  })
  basis: (typeof FIGURE_BASES)[number];
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) numerator: number | null;
  @ApiProperty({ type: Number, nullable: true }) denominator: number | null;
  @ApiProperty() suppressed: boolean;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'value − target' }) gap: number | null;
  @ApiProperty({ type: [TrendPoint] }) trend: TrendPoint[];
  @ApiProperty({
    type: RestatementResponse,
    nullable: true,
    description:
      'Closed years: the same definition version recomputed with later data differs (never compared across versions)',
  })
  restatement: RestatementResponse | null;
  @ApiProperty({
    type: DefinitionChangeResponse,
    nullable: true,
    description:
      'Closed years published under an earlier definition version: the figure under the current definition, shown apart from restatements',
  })
  definitionChange: DefinitionChangeResponse | null;
  @ApiProperty({ type: Breakdowns }) breakdowns: Breakdowns;
}

export class IndicatorDashboard {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ format: 'date' }) referenceDate: string;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({
    type: WindowsResponse,
    nullable: true,
    description: 'First and last day of every window (null in snapshots stored before windows were recorded)',
  })
  windows: WindowsResponse | null;
  @ApiProperty({ type: AgeBandResponse }) ageBand: AgeBandResponse;
  @ApiProperty({ type: BaselineRef, nullable: true }) baseline: BaselineRef | null;
  @ApiProperty({ format: 'date-time' }) computedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) frozenAt: string | null;
  @ApiProperty({
    description:
      'Some figures were computed for this request (another age band, or nothing stored yet): not stored',
  })
  live: boolean;
  @ApiProperty({ type: [IndicatorFigureResponse] }) indicators: IndicatorFigureResponse[];
}

export class PeriodResponse {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) checksum: string | null;
}

export class DrillRow {
  @ApiProperty({ type: String, nullable: true }) courseId: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Distinct people (suppressed under 5)' })
  persons: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Person-times or sessions' }) times:
    number | null;
}

export const BREAKDOWN_DIMENSIONS = DIMENSIONS;
