import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
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
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { assertProviderMember } from '../organisations/provider-access.js';
import { AgreementsReadService } from './agreements-read.service.js';
import { AgreementsService } from './agreements.service.js';
import { AssessmentsService } from './assessments.service.js';
import {
  AgreementDetail,
  AgreementListQuery,
  AgreementOptions,
  AgreementSummary,
  AmendAgreementDto,
  ConfirmAgreementDto,
  DraftAgreementDto,
  EffectiveDateDto,
  EnterpriseMentorsQuery,
  GuardianConsentDto,
  OptionsQuery,
  PauseDto,
  PersonOption,
  ReplaySummary,
  SummaryQuery,
  TransferDto,
  WithdrawDto,
} from './dto/agreement.dto.js';
import { AssessmentDto } from './dto/assessment.dto.js';
import { LifecycleService } from './lifecycle.service.js';
import { ReplayService } from './replay.service.js';

const STAFF = [Role.ProviderStaff, Role.ProviderAdmin];
const RULES =
  'AGREEMENT_DATES_INVALID, MENTOR_NOT_IN_ORGANISATION, EVENT_DATE_INVALID or VALIDATION_FAILED, with the field';

@ApiTags('apprenticeships')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiNotFoundResponse({
  type: ErrorResponse,
  description: 'NOT_FOUND, also for an agreement I am no party to',
})
@Controller('apprenticeships')
export class ApprenticeshipController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly reads: AgreementsReadService,
    private readonly lifecycle: LifecycleService,
    private readonly assessments: AssessmentsService,
    private readonly replay: ReplayService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Agreements I am party to: a school’s, sorted by early-warning risk; an enterprise’s; my own',
  })
  @ApiOkResponse({ type: [AgreementSummary] })
  list(@CurrentUser() user: AuthUser, @Query() query: AgreementListQuery): Promise<AgreementSummary[]> {
    return this.reads.list(user, query);
  }

  @Post()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Draft a tri-party agreement (school coordinators)' })
  @ApiCreatedResponse({ type: AgreementDetail })
  @ApiBadRequestResponse({ type: ErrorResponse, description: RULES })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'APPRENTICE_TOO_YOUNG, GUARDIAN_REQUIRED, LEARNER_PROFILE_REQUIRED',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN, PROVIDER_NOT_APPROVED' })
  async draft(@CurrentUser() user: AuthUser, @Body() dto: DraftAgreementDto): Promise<AgreementDetail> {
    return this.reads.detail(user, await this.agreements.draft(user, dto));
  }

  @Get('summary')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Counts on a reference date, replayed from the events (my school)' })
  @ApiOkResponse({ type: ReplaySummary })
  summary(@CurrentUser() user: AuthUser, @Query() query: SummaryQuery): Promise<ReplaySummary> {
    assertProviderMember(user, query.providerId);
    return this.replay.summaryOn(query.date, { providerIds: [query.providerId] });
  }

  @Get('options')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Programmes and school mentors to choose from when drafting' })
  @ApiOkResponse({ type: AgreementOptions })
  options(@CurrentUser() user: AuthUser, @Query() query: OptionsQuery): Promise<AgreementOptions> {
    return this.reads.options(user, query.providerId);
  }

  @Get('enterprise-mentors')
  @Roles(...STAFF, Role.EnterpriseMentor, Role.EnterpriseAdmin)
  @ApiOperation({
    summary: 'Mentors of an enterprise, to assign as enterprise mentor',
    description:
      'For the enterprise’s own users and staff of a school with an agreement (a draft included) with it; audited.',
  })
  @ApiOkResponse({ type: [PersonOption] })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'NOT_FOUND: no such enterprise, or my school has no agreement with it',
  })
  enterpriseMentors(
    @CurrentUser() user: AuthUser,
    @Query() query: EnterpriseMentorsQuery,
  ): Promise<PersonOption[]> {
    return this.reads.enterpriseMentors(user, query.enterpriseId);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'An agreement: terms, confirmations of the current version, history, assessments',
  })
  @ApiOkResponse({ type: AgreementDetail })
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AgreementDetail> {
    return this.reads.detail(user, id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change the terms: a new version that every party confirms again (the school)' })
  @ApiOkResponse({ type: AgreementDetail })
  @ApiBadRequestResponse({ type: ErrorResponse, description: RULES })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'AGREEMENT_VERSION_CHANGED, AGREEMENT_STATE_INVALID',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'NOT_A_PARTY: only the school changes terms' })
  async amend(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AmendAgreementDto,
  ): Promise<AgreementDetail> {
    await this.agreements.amend(user, id, dto);
    return this.reads.detail(user, id);
  }

  @Post(':id/confirmations')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Confirm the current version for my side (school, enterprise or apprentice); all confirmed activates',
  })
  @ApiOkResponse({ type: AgreementDetail })
  @ApiConflictResponse({
    type: ErrorResponse,
    description:
      'AGREEMENT_VERSION_CHANGED, AGREEMENT_STATE_INVALID, MENTORS_REQUIRED, APPRENTICE_ALREADY_ACTIVE',
  })
  async confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConfirmAgreementDto,
  ): Promise<AgreementDetail> {
    await this.agreements.confirm(user, id, dto);
    return this.reads.detail(user, id);
  }

  @Post(':id/guardian-consent')
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'NOT_A_PARTY: only the school records it' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the guardian’s signed consent for the current version (the school)' })
  @ApiOkResponse({ type: AgreementDetail })
  @ApiConflictResponse({ type: ErrorResponse, description: 'AGREEMENT_VERSION_CHANGED, MENTORS_REQUIRED' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'GUARDIAN_REQUIRED: no guardian named',
  })
  async guardianConsent(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: GuardianConsentDto,
  ): Promise<AgreementDetail> {
    await this.agreements.guardianConsent(user, id, dto);
    return this.reads.detail(user, id);
  }

  @Post(':id/pause')
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'NOT_A_PARTY: only the school records a change of state',
  })
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a break in learning (the school)' })
  @ApiOkResponse({ type: AgreementDetail })
  @ApiConflictResponse({ type: ErrorResponse, description: 'AGREEMENT_STATE_INVALID' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'EVENT_DATE_INVALID' })
  async pause(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PauseDto,
  ): Promise<AgreementDetail> {
    await this.lifecycle.pause(user, id, dto);
    return this.reads.detail(user, id);
  }

  @Post(':id/resume')
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'NOT_A_PARTY: only the school records a change of state',
  })
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the return from a break (the school)' })
  @ApiOkResponse({ type: AgreementDetail })
  @ApiConflictResponse({ type: ErrorResponse, description: 'AGREEMENT_STATE_INVALID' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'EVENT_DATE_INVALID' })
  async resume(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EffectiveDateDto,
  ): Promise<AgreementDetail> {
    await this.lifecycle.resume(user, id, dto);
    return this.reads.detail(user, id);
  }

  @Post(':id/withdraw')
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'NOT_A_PARTY: only the school records a change of state',
  })
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a withdrawal with its reason code (the school)' })
  @ApiOkResponse({ type: AgreementDetail })
  @ApiConflictResponse({ type: ErrorResponse, description: 'AGREEMENT_STATE_INVALID' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'EVENT_DATE_INVALID' })
  async withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawDto,
  ): Promise<AgreementDetail> {
    await this.lifecycle.withdraw(user, id, dto);
    return this.reads.detail(user, id);
  }

  @Post(':id/transfer')
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'NOT_A_PARTY: only the school records a change of state',
  })
  @ApiOperation({
    summary:
      'Transfer to another enterprise: this agreement ends, a linked one waits for confirmation (the school)',
  })
  @ApiCreatedResponse({ type: AgreementDetail, description: 'The new, linked agreement' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'AGREEMENT_STATE_INVALID' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: RULES })
  async transfer(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransferDto,
  ): Promise<AgreementDetail> {
    return this.reads.detail(user, await this.lifecycle.transfer(user, id, dto));
  }

  @Post(':id/assessments')
  @ApiOperation({
    summary:
      'Record a milestone or the final assessment; a passed final one completes and issues a certificate',
  })
  @ApiCreatedResponse({ type: AgreementDetail })
  @ApiConflictResponse({ type: ErrorResponse, description: 'AGREEMENT_STATE_INVALID' })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'EVENT_DATE_INVALID' })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'NOT_A_PARTY: apprentices do not assess themselves',
  })
  async assess(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssessmentDto,
  ): Promise<AgreementDetail> {
    await this.assessments.record(user, id, dto);
    return this.reads.detail(user, id);
  }
}
