import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { InPersonResetDto } from '../service-point/dto/service-point.dto.js';
import { Public } from './auth.decorators.js';
import { AuthTokensResponse, ErrorResponse } from './dto/auth.dto.js';
import { InPersonResetService } from './in-person-reset.service.js';

@ApiTags('auth')
@Controller('auth')
export class InPersonResetController {
  constructor(private readonly resets: InPersonResetService) {}

  @Public()
  @Post('in-person-reset')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Set a new password with the one-time code a service point gave after checking the resident’s ID; ends every other session; signs in',
  })
  @ApiOkResponse({ type: AuthTokensResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'VALIDATION_FAILED (password), CODE_INVALID (wrong code, or a code for another account), CODE_EXPIRED',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CODE_USED' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'CODE_ATTEMPTS_EXHAUSTED, RATE_LIMITED' })
  reset(@Body() dto: InPersonResetDto, @Req() req: Request): Promise<AuthTokensResponse> {
    return this.resets.reset(dto, req.ip ?? 'unknown');
  }
}
