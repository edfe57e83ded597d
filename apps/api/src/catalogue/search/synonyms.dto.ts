import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString } from 'class-validator';
import { LengthGraphemes, MaxGraphemes } from '../../common/graphemes.js';
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
  // The table counts code points (CHECK char_length(term) BETWEEN 1 AND 40).
  @LengthGraphemes(1, 40, { maxCodePoints: 40 })
  term: string;

  @ApiProperty({ example: ['计算机'], description: 'What the catalogue says; 1 to 20 words' })
  @normalisedList()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @LengthGraphemes(1, 40, { each: true, maxCodePoints: 40 })
  synonyms: string[];

  @ApiProperty({ description: 'Both directions (电商 ⇄ 电子商务) or only from the term (做饭 → 烹调)' })
  @IsBoolean()
  twoWay: boolean;

  @ApiProperty({ required: false, example: '居民常说“电脑”' })
  @IsOptional()
  @IsString()
  @MaxGraphemes(200)
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
