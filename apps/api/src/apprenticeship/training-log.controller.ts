import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import {
  LogWeekDto,
  LogWeekResponse,
  ReturnWeekDto,
  SignWeeksDto,
  WeekToSign,
} from './dto/training-log.dto.js';
import { TrainingLogService } from './training-log.service.js';

const MENTORS = [Role.ProviderStaff, Role.ProviderAdmin, Role.EnterpriseMentor, Role.EnterpriseAdmin];

@ApiTags('apprenticeships')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiNotFoundResponse({
  type: ErrorResponse,
  description: 'NOT_FOUND, also for weeks of apprentices I do not mentor',
})
@Controller('apprenticeships')
export class TrainingLogController {
  constructor(private readonly log: TrainingLogService) {}

  @Get('weeks/to-sign')
  @Roles(...MENTORS)
  @ApiOperation({ summary: 'Weeks waiting for my signature as school or enterprise mentor, oldest first' })
  @ApiOkResponse({ type: [WeekToSign] })
  toSign(@CurrentUser() user: AuthUser): Promise<WeekToSign[]> {
    return this.log.toSign(user);
  }

  @Post('weeks/sign')
  @HttpCode(204)
  @Roles(...MENTORS)
  @ApiOperation({ summary: 'Sign my part of one or many weeks in one action (all or none)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'LOG_STATE_INVALID: a week is not waiting for me',
  })
  sign(@CurrentUser() user: AuthUser, @Body() dto: SignWeeksDto): Promise<void> {
    return this.log.sign(user, dto.weekIds);
  }

  @Post('weeks/:weekId/return')
  @HttpCode(204)
  @Roles(...MENTORS)
  @ApiOperation({ summary: 'Return my part of a week to the apprentice with a comment' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponse, description: 'LOG_STATE_INVALID' })
  returnWeek(
    @CurrentUser() user: AuthUser,
    @Param('weekId', ParseUUIDPipe) weekId: string,
    @Body() dto: ReturnWeekDto,
  ): Promise<void> {
    return this.log.returnWeek(user, weekId, dto.comment);
  }

  @Get(':id/weeks')
  @ApiOperation({ summary: 'The training log of an agreement, newest week first' })
  @ApiOkResponse({ type: [LogWeekResponse] })
  weeks(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<LogWeekResponse[]> {
    return this.log.weeks(user, id);
  }

  @Put(':id/weeks/:isoWeek')
  @ApiOperation({ summary: 'Submit or correct a week of my training log (the apprentice), e.g. 2026-W48' })
  @ApiOkResponse({ type: LogWeekResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'LOG_DAY_LIMIT, LOG_WEEK_LIMIT, LOG_WEEK_OUT_OF_RANGE, VALIDATION_FAILED',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'LOG_WEEK_LOCKED, AGREEMENT_STATE_INVALID' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'NOT_A_PARTY: only the apprentice logs' })
  submit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('isoWeek') isoWeek: string,
    @Body() dto: LogWeekDto,
  ): Promise<LogWeekResponse> {
    return this.log.submit(user, id, isoWeek, dto);
  }
}
