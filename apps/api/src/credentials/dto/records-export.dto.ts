import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = { message: '$property must be a date like 2026-03-01' };

/** Filters of a school's records export; every one optional, all of them together narrow the rows. */
export class RecordsExportQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-01-01', description: 'Completed on or after' })
  @IsOptional()
  @Matches(DAY, day)
  @IsISO8601({ strict: true }, day)
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-31', description: 'Completed on or before' })
  @IsOptional()
  @Matches(DAY, day)
  @IsISO8601({ strict: true }, day)
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this course (one of the school’s own)' })
  @IsOptional()
  @IsUUID()
  courseId?: string;
}
