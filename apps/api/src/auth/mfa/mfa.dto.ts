import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { MOBILE_PATTERN } from '@cll/domain';
import { trim } from '../../people/dto/profile-fields.js';

/** People type "123 456" or paste with spaces: those are taken out. */
const digitsOnly = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/[\s-]/g, '') : value,
  );

export class TotpCodeDto {
  @ApiProperty({ example: '123456', description: 'The 6 digits the authenticator app shows now' })
  @digitsOnly()
  @Matches(/^\d{6}$/, { message: '$property must be the 6 digits from the authenticator app' })
  code: string;
}

export class MfaVerifyDto {
  @ApiPropertyOptional({ example: '123456', description: 'The 6 digits the authenticator app shows now' })
  @ValidateIf((o: MfaVerifyDto) => o.recoveryCode === undefined)
  @digitsOnly()
  @Matches(/^\d{6}$/, { message: '$property must be the 6 digits from the authenticator app' })
  code?: string;

  @ApiPropertyOptional({
    example: 'K7QX2-9MHTD',
    description: 'Instead of a code: one of the recovery codes shown at enrolment (each works once)',
  })
  @IsOptional()
  @trim()
  @Matches(/^[0-9A-Za-z]{5}[\s-]?[0-9A-Za-z]{5}$/, {
    message: '$property must be a recovery code like K7QX2-9MHTD',
  })
  recoveryCode?: string;
}

export class MfaResetDto {
  @ApiProperty({
    example: '13800000005',
    description: 'The mobile of the staff member who lost their device',
  })
  @trim()
  @Matches(MOBILE_PATTERN, { message: '$property must be an 11-digit mainland mobile number' })
  mobile: string;
}

export class MfaStatusResponse {
  @ApiProperty({ description: 'The account’s roles need a second factor' }) required: boolean;
  @ApiProperty({ description: 'An authenticator is enrolled and confirmed' }) enrolled: boolean;
  @ApiProperty({ description: 'This session passed the second factor' }) verified: boolean;
  @ApiProperty({ description: 'The code was entered within the step-up window' }) stepUpFresh: boolean;
  @ApiProperty({ description: 'How long a code entry covers the weightiest actions (seconds)' })
  stepUpSeconds: number;
  @ApiProperty({ description: 'Unused recovery codes left' }) recoveryCodesLeft: number;
}

export class MfaEnrolmentResponse {
  @ApiProperty({ description: 'The shared secret in base32, for typing into an app that cannot scan' })
  secret: string;
  @ApiProperty({ example: 'otpauth://totp/…', description: 'The otpauth URI the QR code holds' })
  otpauthUri: string;
  @ApiProperty({ description: 'The QR code as a PNG data URL' }) qrDataUrl: string;
}

export class RecoveryCodesResponse {
  @ApiProperty({
    type: [String],
    description: 'Ten one-time recovery codes, shown only now (the platform keeps only their hashes)',
  })
  recoveryCodes: string[];
}

export class MfaVerifiedResponse {
  @ApiProperty({ description: 'Seconds the step-up now covers the weightiest actions' })
  stepUpSeconds: number;
  @ApiProperty({ description: 'Unused recovery codes left' }) recoveryCodesLeft: number;
}

export class MfaResetResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ description: 'Sessions of that account that were ended' }) sessionsEnded: number;
}

export class AuthSessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'This is the session making the request' }) current: boolean;
  @ApiProperty({ example: 'Chrome · Android' }) device: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '115.236.12.0/24',
    description:
      'Coarse place: loopback, private (a local network) or the network prefix; never the full address',
  })
  place: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'Sign-in, the last token refresh or code entry' })
  lastUsedAt: string;
}

export class AuthSessionsEndedResponse {
  @ApiProperty() ended: number;
}
