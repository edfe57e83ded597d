import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { AttainmentLevel, OCCUPATION_CODE_PATTERN, ProgrammeKind } from '@cll/domain';
import { IsEnum, IsOptional, IsString, Matches } from 'class-validator';
import { LengthGraphemes, MaxGraphemes } from '../../common/graphemes.js';
import { trim } from '../../people/dto/profile-fields.js';

export class ProgrammeDto {
  @ApiProperty({ enum: ProgrammeKind, enumName: 'ProgrammeKind' })
  @IsEnum(ProgrammeKind)
  kind: ProgrammeKind;

  @ApiProperty({ example: '电工职业技能培训', minLength: 2, maxLength: 100 })
  @trim()
  @IsString()
  @LengthGraphemes(2, 100)
  title: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxGraphemes(5000)
  description?: string;

  @ApiPropertyOptional({
    example: '6-31-01-03',
    description: '国家职业分类大典 code; needed to publish vocational courses',
  })
  @IsOptional()
  @trim()
  @Matches(OCCUPATION_CODE_PATTERN, { message: '$property must look like 6-31-01-03' })
  occupationCode?: string;

  @ApiPropertyOptional({
    enum: AttainmentLevel,
    enumName: 'AttainmentLevel',
    description: 'Academic programmes: level conferred',
  })
  @IsOptional()
  @IsEnum(AttainmentLevel)
  confersAttainment?: AttainmentLevel;
}

export class UpdateProgrammeDto extends PartialType(ProgrammeDto) {}

export class ProgrammeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ enum: ProgrammeKind, enumName: 'ProgrammeKind' }) kind: ProgrammeKind;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true }) occupationCode: string | null;
  @ApiProperty({ enum: AttainmentLevel, enumName: 'AttainmentLevel', nullable: true })
  confersAttainment: AttainmentLevel | null;
  @ApiProperty() courseCount: number;
}
