import { Controller, Get, Header, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Public } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { CredentialsService } from './credentials.service.js';
import { CertificateResponse, RecordResponse, VerificationResponse } from './dto/credentials.dto.js';

@ApiTags('record and certificates')
@Controller()
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get('me/record')
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiOperation({
    summary: 'My lifelong learning record: every completion, with totals of hours and credits',
  })
  @ApiOkResponse({ type: RecordResponse })
  record(@CurrentUser() user: AuthUser): Promise<RecordResponse> {
    return this.credentials.record(user);
  }

  @Get('me/record/export.json')
  @ApiBearerAuth()
  @Header('Content-Disposition', 'attachment; filename="learning-record.json"')
  @ApiOperation({ summary: 'My learning record as a JSON download' })
  @ApiOkResponse({ type: RecordResponse })
  recordJson(@CurrentUser() user: AuthUser): Promise<RecordResponse> {
    return this.credentials.record(user);
  }

  @Get('me/record/export.pdf')
  @ApiBearerAuth()
  @ApiProduces('application/pdf')
  @ApiServiceUnavailableResponse({
    type: ErrorResponse,
    description: 'PDF_FONT_MISSING: no CJK font on the server',
  })
  @ApiOperation({ summary: 'My learning record as a PDF' })
  @ApiOkResponse({ description: 'PDF', schema: { type: 'string', format: 'binary' } })
  async recordPdf(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const pdf = await this.credentials.recordPdf(user);
    res
      .type('application/pdf')
      .setHeader('Content-Disposition', 'attachment; filename="learning-record.pdf"')
      .send(pdf);
  }

  @Get('me/certificates')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My certificates' })
  @ApiOkResponse({ type: [CertificateResponse] })
  certificates(@CurrentUser() user: AuthUser): Promise<CertificateResponse[]> {
    return this.credentials.certificates(user);
  }

  @Get('me/certificates/:id/pdf')
  @ApiBearerAuth()
  @ApiProduces('application/pdf')
  @ApiServiceUnavailableResponse({
    type: ErrorResponse,
    description: 'PDF_FONT_MISSING: no CJK font on the server',
  })
  @ApiOperation({ summary: 'Download one of my certificates' })
  @ApiOkResponse({ description: 'PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CERTIFICATE_NOT_READY' })
  async certificatePdf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const pdf = await this.credentials.certificatePdf(user, id);
    res
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="certificate-${id}.pdf"`)
      .send(pdf);
  }

  @Public()
  @Get('verify/:code')
  @ApiOperation({ summary: 'Verify a certificate by its code (public; the holder’s name is masked)' })
  @ApiOkResponse({ type: VerificationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  verify(@Param('code') code: string): Promise<VerificationResponse> {
    return this.credentials.verify(code);
  }
}
