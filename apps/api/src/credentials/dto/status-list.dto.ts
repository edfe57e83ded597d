import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class StatusListParams {
  @ApiProperty({
    minimum: 1,
    example: 1,
    description: 'Which list (1-based); each holds 131,072 certificates',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  list: number;
}
