import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { RecordsExportQuery } from './dto/records-export.dto.js';
import { RecordsExportService } from './records-export.service.js';
import { StepUp } from '../auth/mfa/mfa-policy.js';

@ApiTags('provider offer')
@ApiBearerAuth()
@Controller()
export class RecordsExportController {
  constructor(private readonly exports: RecordsExportService) {}

  @Get('providers/:providerId/records.csv')
  @Roles(Role.ProviderStaff, Role.ProviderAdmin)
  @StepUp('FORBIDDEN: not provider staff')
  @ApiOperation({
    summary:
      'Completions of my school’s courses as CSV (UTF-8 with BOM, learner names masked, streamed); the download is audited',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file', schema: { type: 'string' } })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'NOT_FOUND, also for another provider or its course',
  })
  async csv(
    @CurrentUser() user: AuthUser,
    @Param('providerId', ParseUUIDPipe) providerId: string,
    @Query() query: RecordsExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.exports.open(user, providerId, query);
    res
      .type('text/csv; charset=utf-8')
      .attachment(file.fileName)
      .setHeader('Cache-Control', 'private, no-store');
    await file.writeTo(res);
  }
}
