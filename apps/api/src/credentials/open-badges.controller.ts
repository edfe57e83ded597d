import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { CredentialVerifierService } from './credential-verifier.service.js';
import {
  EnvelopedCredentialResponse,
  IssuerProfileResponse,
  JwksResponse,
  RevocationResponse,
  RevokeCertificateRequest,
  VerifyCredentialRequest,
  VerifyCredentialResponse,
} from './dto/open-badges.dto.js';
import { StatusListParams } from './dto/status-list.dto.js';
import { OpenBadgesService } from './open-badges.service.js';
import { RevocationService } from './revocation.service.js';
import { StepUp } from '../auth/mfa/mfa-policy.js';

@ApiTags('signed credentials')
@Controller()
export class OpenBadgesController {
  constructor(
    private readonly badges: OpenBadgesService,
    private readonly verifier: CredentialVerifierService,
    private readonly revocations: RevocationService,
  ) {}

  @Public()
  @Get('credentials/jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary:
      'The issuer’s public keys (JWKS, Ed25519): every key that ever signed a credential, so old ones still verify. ' +
      'Also served under the public origin at /credentials/jwks.json',
  })
  @ApiOkResponse({ type: JwksResponse })
  jwks(): Promise<JwksResponse> {
    return this.badges.jwks() as Promise<JwksResponse>;
  }

  @Public()
  @Get('credentials/issuer')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The issuer’s Open Badges Profile (its id is the issuer of every credential)' })
  @ApiOkResponse({ type: IssuerProfileResponse })
  issuer(): IssuerProfileResponse {
    return this.badges.issuerProfile();
  }

  @Public()
  @Get('credentials/status/:list')
  @ApiProduces('application/vc+jwt')
  @ApiOperation({
    summary:
      'A signed Bitstring Status List credential (revocation): one bit per certificate, set when it is revoked',
  })
  @ApiOkResponse({ description: 'Compact JWS (application/vc+jwt)', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async statusList(@Param() params: StatusListParams, @Res() res: Response): Promise<void> {
    const jws = await this.badges.statusList(params.list);
    res.type('application/vc+jwt').setHeader('Cache-Control', 'public, max-age=60').send(jws);
  }

  @Public()
  @Post('verify/credential')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Verify an uploaded credential or record (public): issuer, key, signature, expiry and revocation status; the ' +
      'holder’s name is masked',
  })
  @ApiOkResponse({ type: VerifyCredentialResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'CREDENTIAL_MALFORMED or VALIDATION_FAILED' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse, description: 'PAYLOAD_TOO_LARGE' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'CREDENTIAL_FOREIGN_ISSUER, CREDENTIAL_UNKNOWN_KEY or CREDENTIAL_BAD_SIGNATURE',
  })
  verify(@Body() body: VerifyCredentialRequest): Promise<VerifyCredentialResponse> {
    return this.verifier.verifyUpload(body.credential);
  }

  @Get('me/certificates/:id/credential.json')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One of my certificates as a signed Open Badges credential (for a wallet)' })
  @ApiOkResponse({ type: EnvelopedCredentialResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async credential(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.badges.credentialFile(user, id);
    res
      .type('application/json')
      .attachment(`certificate-${id}.credential.json`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(JSON.stringify(file, null, 2));
  }

  @Get('me/record/presentation.json')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'My whole record as one signed presentation of all my credentials (for a wallet)',
  })
  @ApiOkResponse({ type: EnvelopedCredentialResponse })
  async presentation(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const file = await this.badges.presentationFile(user);
    res
      .type('application/json')
      .attachment('learning-record.presentation.json')
      .setHeader('Cache-Control', 'private, no-store')
      .send(JSON.stringify(file, null, 2));
  }

  @Post('certificates/revocations')
  @ApiBearerAuth()
  @Roles(Role.ProviderAdmin, Role.BureauAdmin)
  @StepUp('FORBIDDEN: provider or bureau administrators only')
  @ApiOperation({
    summary:
      'Revoke a certificate with a reason (provider administrator: own certificates; bureau administrator: any in ' +
      'their area); audited, the holder is notified',
  })
  @ApiCreatedResponse({ type: RevocationResponse })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'NOT_FOUND, also for another provider’s certificate',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CERTIFICATE_ALREADY_REVOKED' })
  revoke(@CurrentUser() user: AuthUser, @Body() body: RevokeCertificateRequest): Promise<RevocationResponse> {
    return this.revocations.revoke(user, body);
  }
}
