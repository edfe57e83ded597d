import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { EnrolDto, EnrolmentResponse } from './dto/enrolment.dto.js';
import { EnrolmentService } from './enrolment.service.js';

@ApiTags('enrolment')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@Controller()
export class EnrolmentController {
  constructor(private readonly enrolments: EnrolmentService) {}

  @Post('enrolments')
  @ApiOperation({ summary: 'Enrol in a session; a full session puts me on its waitlist' })
  @ApiCreatedResponse({ type: EnrolmentResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such session in the catalogue' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'ENROLMENT_DUPLICATE' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'ENROLMENT_CLOSED, ENROLMENT_AGE_NOT_ALLOWED, LEARNER_PROFILE_REQUIRED',
  })
  enrol(@CurrentUser() user: AuthUser, @Body() dto: EnrolDto): Promise<EnrolmentResponse> {
    return this.enrolments.enrolSelf(user, dto.sessionId);
  }

  @Get('me/enrolments')
  @ApiOperation({ summary: 'My enrolments, with waitlist positions' })
  @ApiOkResponse({ type: [EnrolmentResponse] })
  mine(@CurrentUser() user: AuthUser): Promise<EnrolmentResponse[]> {
    return this.enrolments.mine(user);
  }

  @Post('enrolments/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw; my seat goes at once to the first learner on the waitlist' })
  @ApiOkResponse({ type: EnrolmentResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'ENROLMENT_STATE_INVALID' })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EnrolmentResponse> {
    return this.enrolments.withdraw(user, id);
  }
}
