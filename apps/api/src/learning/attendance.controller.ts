import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
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
import { AttendanceService } from './attendance.service.js';
import { AttendanceDto, OutcomeDto, RosterQuery, RosterResponse } from './dto/attendance.dto.js';

@ApiTags('township classes')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: not provider staff' })
@ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND, also for another provider’s sessions' })
@Roles(Role.ProviderStaff, Role.ProviderAdmin)
@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('sessions/:sessionId/roster')
  @ApiOperation({
    summary: 'The roster of a session for one class date (the class date nearest today when none is given)',
  })
  @ApiOkResponse({ type: RosterResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'ATTENDANCE_DATE_INVALID (a date outside the session’s days), VALIDATION_FAILED',
  })
  roster(
    @CurrentUser() user: AuthUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Query() query: RosterQuery,
  ): Promise<RosterResponse> {
    return this.attendance.roster(user, sessionId, query.date);
  }

  @Put('sessions/:sessionId/attendance')
  @ApiOperation({
    summary: 'Record who was present on a class date (idempotent: the same roster twice counts once)',
  })
  @ApiOkResponse({ type: RosterResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'ATTENDANCE_DATE_INVALID, NOT_IN_SESSION' })
  record(
    @CurrentUser() user: AuthUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: AttendanceDto,
  ): Promise<RosterResponse> {
    return this.attendance.record(user, sessionId, dto);
  }

  @Post('enrolments/:id/outcome')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark a learner completed or failed, with a reason' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponse, description: 'ENROLMENT_STATE_INVALID' })
  outcome(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OutcomeDto,
  ): Promise<void> {
    return this.attendance.outcome(user, id, dto);
  }
}
