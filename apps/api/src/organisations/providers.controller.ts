import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import {
  MyProviderResponse,
  ProviderApplicationDto,
  ProviderDecisionDto,
  ProviderListQuery,
  ProviderResponse,
  PublicProviderResponse,
  ReasonDto,
} from './dto/provider.dto.js';
import { ProvidersService } from './providers.service.js';
import { StepUp } from '../auth/mfa/mfa-policy.js';

@ApiTags('providers')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@Controller()
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Post('providers/applications')
  @ApiOperation({ summary: 'Apply for an organisation to become a provider (the bureau decides)' })
  @ApiCreatedResponse({ type: ProviderResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED, TOWNSHIP_UNKNOWN' })
  apply(@CurrentUser() user: AuthUser, @Body() dto: ProviderApplicationDto): Promise<ProviderResponse> {
    return this.providers.apply(user, dto);
  }

  @Get('providers/applications/mine')
  @ApiOperation({ summary: 'My provider applications and the bureau’s decisions' })
  @ApiOkResponse({ type: [ProviderResponse] })
  mine(@CurrentUser() user: AuthUser): Promise<ProviderResponse[]> {
    return this.providers.myApplications(user);
  }

  @Get('me/providers')
  @ApiOperation({ summary: 'The providers I work for, with my role there' })
  @ApiOkResponse({ type: [MyProviderResponse] })
  myProviders(@CurrentUser() user: AuthUser): Promise<MyProviderResponse[]> {
    return this.providers.mine(user);
  }

  @Get('providers')
  @Roles(Role.BureauAnalyst, Role.BureauAdmin)
  @ApiOperation({
    summary: 'All providers, pending applications first (bureau; limited to its townships if so scoped)',
  })
  @ApiOkResponse({ type: [ProviderResponse] })
  @ApiForbiddenResponse({ type: ErrorResponse })
  list(@CurrentUser() user: AuthUser, @Query() query: ProviderListQuery): Promise<ProviderResponse[]> {
    return this.providers.list(user, query.status);
  }

  @Post('providers/:id/decision')
  @HttpCode(200)
  @Roles(Role.BureauAdmin)
  @StepUp('FORBIDDEN: bureau administrators only')
  @ApiOperation({
    summary: 'Approve or reject a provider application; approval makes the applicant its administrator',
  })
  @ApiOkResponse({ type: ProviderResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'REASON_REQUIRED to reject' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'PROVIDER_STATE_INVALID: already decided' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) providerId: string,
    @Body() dto: ProviderDecisionDto,
  ): Promise<ProviderResponse> {
    return this.providers.decide(user, providerId, dto);
  }

  @Post('providers/:id/suspend')
  @HttpCode(200)
  @Roles(Role.BureauAdmin)
  @StepUp('FORBIDDEN: bureau administrators only')
  @ApiOperation({ summary: 'Suspend a provider: its courses leave the public catalogue' })
  @ApiOkResponse({ type: ProviderResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'PROVIDER_STATE_INVALID' })
  suspend(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) providerId: string,
    @Body() dto: ReasonDto,
  ): Promise<ProviderResponse> {
    return this.providers.setSuspended(user, providerId, true, dto.reason);
  }

  @Post('providers/:id/reinstate')
  @HttpCode(200)
  @Roles(Role.BureauAdmin)
  @ApiOperation({ summary: 'Reinstate a suspended provider' })
  @ApiOkResponse({ type: ProviderResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'PROVIDER_STATE_INVALID' })
  reinstate(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) providerId: string,
  ): Promise<ProviderResponse> {
    return this.providers.setSuspended(user, providerId, false);
  }

  @Public()
  @Get('catalogue/providers')
  @ApiOperation({ summary: 'Approved providers, for the catalogue’s provider filter' })
  @ApiOkResponse({ type: [PublicProviderResponse] })
  publicList(): Promise<PublicProviderResponse[]> {
    return this.providers.publicList();
  }
}
