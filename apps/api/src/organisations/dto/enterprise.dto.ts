import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIVISION_CODE_PATTERN, isValidCreditCode } from '@cll/domain';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, registerDecorator } from 'class-validator';
import { LengthGraphemes, MaxGraphemes } from '../../common/graphemes.js';
import { trim } from '../../people/dto/profile-fields.js';

function IsCreditCode(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property is not a valid unified social credit code (check the 18 characters)' },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidCreditCode(value) },
    });
}

export class EnterpriseDto {
  @ApiProperty({ example: '青溪精工机械有限公司', minLength: 2, maxLength: 100 })
  @trim()
  @IsString()
  @LengthGraphemes(2, 100)
  name: string;

  @ApiProperty({ example: '91350100M000100Y43', description: 'Unified social credit code (GB 32100)' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsString()
  @IsCreditCode()
  creditCode: string;

  @ApiProperty({ example: 'C34', description: 'Industry (GB/T 4754 code or name)', maxLength: 60 })
  @trim()
  @IsString()
  @LengthGraphemes(1, 60)
  industry: string;

  @ApiProperty({ example: '339901102000' })
  @Matches(DIVISION_CODE_PATTERN, { message: '$property must be a 12-digit division code' })
  townshipCode: string;
}

export class EnterpriseQuery {
  @ApiPropertyOptional({ description: 'Part of the name or the credit code' })
  @IsOptional()
  @trim()
  @IsString()
  @MaxGraphemes(100)
  q?: string;
}

export class EnterpriseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null for callers who do not work with the enterprise (least privilege)',
  })
  creditCode: string | null;
  @ApiProperty() industry: string;
  @ApiProperty() townshipCode: string;
  @ApiProperty() townshipName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
