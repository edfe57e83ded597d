import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AttainmentLevel, DIVISION_CODE_PATTERN, EmploymentStatus } from '@cll/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, Matches } from 'class-validator';
import { LengthGraphemes } from '../../common/graphemes.js';
import { IsResidentIdNumber } from './id-number.validator.js';

export const trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const DIVISION_CODE = DIVISION_CODE_PATTERN;

/** Fields a learner can set at registration and change later. */
export class EditableProfileFields {
  @ApiProperty({ example: '王秀兰', minLength: 1, maxLength: 50 })
  @trim()
  @IsString()
  @LengthGraphemes(1, 50)
  name: string;

  @ApiProperty({ example: '330782101000', description: 'Township (乡镇/街道) 12-digit division code' })
  @Matches(DIVISION_CODE, { message: '$property must be a 12-digit division code' })
  townshipCode: string;

  @ApiProperty({
    example: '330782101201',
    description: 'Village or community (村/居) 12-digit division code',
  })
  @Matches(DIVISION_CODE, { message: '$property must be a 12-digit division code' })
  villageCode: string;

  @ApiProperty({
    enum: AttainmentLevel,
    enumName: 'AttainmentLevel',
    description: 'Highest education completed',
  })
  @IsEnum(AttainmentLevel)
  attainment: AttainmentLevel;

  @ApiProperty({ enum: EmploymentStatus, enumName: 'EmploymentStatus' })
  @IsEnum(EmploymentStatus)
  employmentStatus: EmploymentStatus;

  @ApiPropertyOptional({
    example: '11010519491231002X',
    description: 'Resident ID number (GB 11643). Stored encrypted; only ever returned masked.',
  })
  @IsOptional()
  @trim()
  @IsString()
  @IsResidentIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({
    description:
      'Separate consent to process the ID number, sensitive personal information (PIPL art. 29); required with idNumber',
  })
  @IsOptional()
  @IsBoolean()
  idNumberConsent?: boolean;
}
