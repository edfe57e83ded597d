import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { MOBILE_PATTERN } from '@cll/domain';
import { IsNewPassword } from '../../people/dto/password.js';
import { trim } from '../../people/dto/profile-fields.js';
import { MeResponse } from '../../people/dto/me.response.js';

export class LoginDto {
  @ApiProperty({ example: '13800000001', description: 'Mobile number or e-mail address' })
  @IsString()
  @Length(3, 254)
  login: string;

  @ApiProperty({ example: 'Demo2026!' })
  @IsString()
  @Length(1, 128)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(20, 200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({
    description: 'Also end the session this refresh token belongs to (if it is the caller’s)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class AuthTokensResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Single use: each refresh returns a new one' }) refreshToken: string;
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: MeResponse }) user: MeResponse;
  @ApiProperty({
    enum: ['none', 'code', 'enrol'],
    description:
      'What the session still needs before it can be used: none; code (enter the authenticator code at ' +
      '/auth/mfa/verify); enrol (staff account without an authenticator: set one up at /auth/mfa/enrolment first)',
  })
  secondFactor: 'none' | 'code' | 'enrol';
}

/** Kept here so that existing imports keep working; the class lives beside the error filter. */
export { ErrorResponse } from '../../common/error-response.dto.js';
export class StepUpDto {
  @ApiProperty({ format: 'uuid', description: 'challengeId from the AUTH_STEP_UP_REQUIRED answer' })
  @IsUUID()
  challengeId: string;

  @ApiProperty({ example: '123456', description: 'The 6-digit code texted to the account’s mobile' })
  @trim()
  @Matches(/^\d{6}$/, { message: '$property must be the 6 digits from the text message' })
  code: string;
}

export class ChallengeResponse {
  @ApiProperty({ format: 'uuid' }) challengeId: string;
  @ApiProperty({ description: 'Seconds the code stays valid' }) expiresInSeconds: number;
}

export class PasswordResetCodeDto {
  @ApiProperty({ example: '13800000001' })
  @trim()
  @Matches(MOBILE_PATTERN, { message: '$property must be an 11-digit mainland mobile number' })
  mobile: string;
}

export class PasswordResetDto extends PasswordResetCodeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  challengeId: string;

  @ApiProperty({ example: '123456' })
  @trim()
  @Matches(/^\d{6}$/, { message: '$property must be the 6 digits from the text message' })
  code: string;

  @IsNewPassword()
  newPassword: string;
}

export class RegistrationOptionsResponse {
  @ApiProperty({ description: 'Registration with a mobile needs the code from POST /auth/register/code' })
  codeRequired: boolean;
}
