import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { MOBILE_PATTERN, Sex } from '@cll/domain';
import { IsEmail, IsEnum, IsISO8601, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsNewPassword } from './password.js';
import { EditableProfileFields, trim } from './profile-fields.js';

class RegisterOwnFields {
  @ApiPropertyOptional({
    example: '13800000001',
    description: 'Mainland mobile number; a mobile or an e-mail is required',
  })
  @IsOptional()
  @trim()
  @Matches(MOBILE_PATTERN, { message: '$property must be an 11-digit mainland mobile number' })
  mobile?: string;

  @ApiPropertyOptional({ example: 'learner@example.cn' })
  @IsOptional()
  @trim()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @IsNewPassword()
  password: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'From POST /auth/register/code; required with a mobile when registrationCodeRequired',
  })
  @IsOptional()
  @IsUUID()
  challengeId?: string;

  @ApiPropertyOptional({ example: '123456', description: 'The code texted to the mobile' })
  @IsOptional()
  @trim()
  @Matches(/^\d{6}$/, { message: '$property must be the 6 digits from the text message' })
  code?: string;

  @ApiProperty({ example: '1958-03-21', format: 'date' })
  @IsISO8601({ strict: true }, { message: '$property must be a date like 1958-03-21' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 1958-03-21' })
  birthDate: string;

  @ApiProperty({ enum: Sex, enumName: 'Sex' })
  @IsEnum(Sex)
  sex: Sex;
}

export class RegisterDto extends IntersectionType(RegisterOwnFields, EditableProfileFields) {}
