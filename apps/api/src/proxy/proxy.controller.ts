import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { type AuthUser, CurrentUser } from '../auth/auth.decorators.js';
import { ChallengeResponse, ErrorResponse } from '../auth/dto/auth.dto.js';
import { ConsentConfirmDto, ConsentRequestDto, ProxyRelationshipResponse } from './dto/proxy.dto.js';
import { ProxyService } from './proxy.service.js';

@ApiTags('proxy')
@ApiBearerAuth()
@Controller('proxy/relationships')
export class ProxyController {
  constructor(private readonly proxies: ProxyService) {}

  @Post('consent-requests')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Text a consent code to a resident’s mobile (same answer whether or not the number has an account; limited per proxy)',
  })
  @ApiOkResponse({ type: ChallengeResponse })
  @ApiTooManyRequestsResponse({ type: ErrorResponse })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'SMS_UNAVAILABLE' })
  requestConsent(
    @CurrentUser() user: AuthUser,
    @Body() dto: ConsentRequestDto,
    @Req() req: Request,
  ): Promise<ChallengeResponse> {
    return this.proxies.requestConsent(user, dto.learnerMobile, req.ip ?? 'unknown');
  }

  @Post()
  @ApiOperation({ summary: 'Confirm the relationship with the code the resident read out' })
  @ApiCreatedResponse({ type: ProxyRelationshipResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'CODE_INVALID, CODE_EXPIRED' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CODE_USED' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'CODE_ATTEMPTS_EXHAUSTED' })
  confirm(@CurrentUser() user: AuthUser, @Body() dto: ConsentConfirmDto): Promise<ProxyRelationshipResponse> {
    return this.proxies.confirm(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Relationships I act in, as proxy or as the resident, revoked ones included' })
  @ApiOkResponse({ type: [ProxyRelationshipResponse] })
  list(@CurrentUser() user: AuthUser): Promise<ProxyRelationshipResponse[]> {
    return this.proxies.list(user);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a relationship (the resident or the proxy); takes effect at once' })
  @ApiOkResponse({ type: ProxyRelationshipResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ProxyRelationshipResponse> {
    return this.proxies.revoke(user, id);
  }
}
