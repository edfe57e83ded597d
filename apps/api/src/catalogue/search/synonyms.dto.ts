import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { normaliseText } from './normalise.js';

const normalised = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normaliseText(value).replace(/\s+/g, ' ').trim() : value,
  );
const normalisedList = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? [
          ...new Set(
            value.map((v: unknown) =>
              typeof v === 'string' ? normaliseText(v).replace(/\s+/g, ' ').trim() : v,
            ),
          ),
        ]
      : value,
  );

export class SynonymDto {
  @ApiProperty({
    example: '电脑',
    description: 'What residents say (stored in normal form: NFKC, lower case)',
  })
  @normalised()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  term: string;

  @ApiProperty({ example: ['计算机'], description: 'What the catalogue says; 1 to 20 words' })
  @normalisedList()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(40, { each: true })
  synonyms: string[];

  @ApiProperty({ description: 'Both directions (电商 ⇄ 电子商务) or only from the term (做饭 → 烹调)' })
  @IsBoolean()
  twoWay: boolean;

  @ApiProperty({ required: false, example: '居民常说“电脑”' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class SynonymResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  term: string;

  @ApiProperty({ type: [String] })
  synonyms: string[];

  @ApiProperty()
  twoWay: boolean;

  @ApiProperty()
  note: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
