import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { LengthGraphemes } from '../../common/graphemes.js';
import { trim } from '../../people/dto/profile-fields.js';
import type { BaselineSource, BaselineStatus } from '../indicators.entities.js';

const SOURCES = ['census', 'sample_survey', 'yearbook', 'other'];

export class BaselineDto {
  @ApiProperty({ example: '青溪县第七次全国人口普查' })
  @trim()
  @IsString()
  @LengthGraphemes(1, 100)
  name: string;

  @ApiProperty({ enum: SOURCES })
  @IsIn(SOURCES)
  source: BaselineSource;

  @ApiProperty({ example: 2020, minimum: 1950, maximum: 2100 })
  @IsInt()
  @Min(1950)
  @Max(2100)
  year: number;

  @ApiProperty({
    description:
      'CSV with the header `township_code,age_band,sex,attainment,count`; age bands such as 15-19 and 100+ that ' +
      'tile 0 to 100+; sex male|female; attainment as in the learner profile; up to 20,000 rows and 1 MB',
    example: 'township_code,age_band,sex,attainment,count\n339901101000,15-19,male,junior_secondary,812',
  })
  @IsString()
  @MaxLength(1_000_000)
  csv: string;
}

export class BaselineRowErrorResponse {
  @ApiProperty({ description: 'Line in the file (0 for a problem of the whole file)' }) line: number;
  @ApiProperty() field: string;
  @ApiProperty({
    description:
      'COLUMNS, TOWNSHIP_UNKNOWN, AGE_BAND_INVALID, SEX_INVALID, ATTAINMENT_INVALID, COUNT_NEGATIVE, ' +
      'COUNT_INVALID, DUPLICATE, BANDS_NOT_FROM_ZERO, BANDS_OVERLAP, BANDS_GAP, BANDS_OPEN_NOT_LAST, ' +
      'BANDS_NO_OPEN_TOP (BANDS_DO_NOT_TILE in files checked before bands named their lines)',
  })
  code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({
    type: [Number],
    description:
      'Age-band problems: the first line carrying each band involved (both of an overlap, both around a gap)',
  })
  lines?: number[];
  @ApiPropertyOptional({ type: [String], description: 'Age-band problems: the bands involved, as written' })
  bands?: string[];
  @ApiPropertyOptional({ description: 'A gap: the missing ages, such as 20-24' }) gap?: string;
}

export class BaselineResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SOURCES }) source: BaselineSource;
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['queued', 'running', 'ready', 'failed'] }) status: BaselineStatus;
  @ApiProperty() totalRows: number;
  @ApiProperty({ description: 'Rows checked so far (progress while running)' }) processedRows: number;
  @ApiProperty() errorCount: number;
  @ApiProperty({ type: [BaselineRowErrorResponse], description: 'The first 50 problems; all in errors.csv' })
  errors: BaselineRowErrorResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'Residents in the baseline once imported' })
  population: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}
