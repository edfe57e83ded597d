import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LengthGraphemes } from '../../common/graphemes.js';
import { trim } from '../../people/dto/profile-fields.js';

/** The largest credential file the verify page takes: a whole record's presentation of many certificates fits. */
export const MAX_CREDENTIAL_CHARS = 512_000;

export class VerifyCredentialRequest {
  @ApiProperty({
    description:
      'A signed credential: the compact JWS (application/vc+jwt), or the JSON file downloaded from the platform ' +
      '(an EnvelopedVerifiableCredential or EnvelopedVerifiablePresentation)',
    maxLength: MAX_CREDENTIAL_CHARS,
  })
  @IsString()
  @MinLength(1)
  credential: string;
}

export class RevokeCertificateRequest {
  @ApiProperty({ example: 'QX2026-000001', description: 'The certificate number printed on it' })
  @trim()
  @IsString()
  @MaxLength(40)
  @Matches(/^[A-Za-z]{2}\d{4}-\d{6}$/, {
    message: '$property must be a certificate number like QX2026-000001',
  })
  number: string;

  @ApiProperty({
    description: 'Why: kept with the certificate and told to the holder',
    minLength: 2,
    maxLength: 500,
  })
  @trim()
  @IsString()
  @LengthGraphemes(2, 500)
  reason: string;
}

export class RevocationResponse {
  @ApiProperty({ format: 'uuid' }) certificateId: string;
  @ApiProperty() number: string;
  @ApiProperty({ format: 'date-time' }) revokedAt: string;
  @ApiProperty() reason: string;
}

export class CredentialCheck {
  @ApiProperty({ enum: ['valid', 'revoked', 'expired'], enumName: 'CredentialStatus' })
  status: 'valid' | 'revoked' | 'expired';
  @ApiProperty({ description: 'urn:uuid of the credential' }) credentialId: string;
  @ApiProperty() number: string;
  @ApiProperty({ description: 'The short code of the certificate’s verification page' })
  verificationCode: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty() providerName: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty() hours: number;
  @ApiProperty() credits: number;
  @ApiProperty({ example: '王*兰' }) holderMasked: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) revokedOn: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validUntil: string | null;
  @ApiProperty({ description: 'The signing key’s id (JWK thumbprint), published in the JWKS' }) keyId: string;
}

export class VerifyCredentialResponse {
  @ApiProperty({ enum: ['credential', 'presentation'], enumName: 'CredentialUploadKind' })
  kind: 'credential' | 'presentation';
  @ApiProperty({ type: [CredentialCheck] }) credentials: CredentialCheck[];
}

export class JwkResponse {
  @ApiProperty({ example: 'OKP' }) kty: string;
  @ApiProperty({ example: 'Ed25519' }) crv: string;
  @ApiProperty() x: string;
  @ApiProperty() kid: string;
  @ApiProperty({ example: 'EdDSA' }) alg: string;
  @ApiProperty({ example: 'sig' }) use: string;
}

export class JwksResponse {
  @ApiProperty({ type: [JwkResponse] }) keys: JwkResponse[];
}

export class IssuerProfileResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: [String] }) type: string[];
  @ApiProperty() name: string;
  @ApiProperty() url: string;
}

export class EnvelopedCredentialResponse {
  @ApiProperty({ type: [String] }) '@context': string[];
  @ApiProperty({ description: 'data:application/vc+jwt,<compact JWS> (or vp+jwt for a presentation)' })
  id: string;
  @ApiProperty({ enum: ['EnvelopedVerifiableCredential', 'EnvelopedVerifiablePresentation'] }) type: string;
}
