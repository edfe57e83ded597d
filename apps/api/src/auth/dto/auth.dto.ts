import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
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
}

/** Kept here so that existing imports keep working; the class lives beside the error filter. */
export { ErrorResponse } from '../../common/error-response.dto.js';
