import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { AttainmentService } from './attainment.service.js';
import { AttainmentCorrectionRequest, AttainmentHistoryResponse } from './dto/attainment.dto.js';

@ApiTags('attainment')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@Controller()
export class AttainmentController {
  constructor(private readonly attainment: AttainmentService) {}

  @Get('me/attainment')
  @ApiOperation({
    summary:
      'One’s own attainment history: every dated change of the highest level with its source (registration, ' +
      'completed academic programme, one’s own correction, a staff correction with its reason)',
  })
  @ApiOkResponse({ type: AttainmentHistoryResponse })
  mine(@CurrentUser() user: AuthUser): Promise<AttainmentHistoryResponse> {
    return this.attainment.mine(user);
  }

  @Get('enrolments/:enrolmentId/attainment')
  @Roles(Role.ProviderStaff, Role.ProviderAdmin)
  @ApiOperation({ summary: 'The attainment history of a learner enrolled with the staff member’s provider' })
  @ApiOkResponse({ type: AttainmentHistoryResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED: not an enrolment id' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: not provider staff' })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'NOT_FOUND, also for another provider’s enrolment',
  })
  forEnrolment(
    @CurrentUser() user: AuthUser,
    @Param('enrolmentId', ParseUUIDPipe) enrolmentId: string,
  ): Promise<AttainmentHistoryResponse> {
    return this.attainment.forEnrolment(user, enrolmentId);
  }

  @Post('enrolments/:enrolmentId/attainment-corrections')
  @Roles(Role.ProviderStaff, Role.ProviderAdmin)
  @ApiOperation({
    summary:
      'Correct the highest attainment of a learner enrolled with the provider, with a reason: a dated staff ' +
      'correction in the history (audited); never counted as upgrading',
  })
  @ApiCreatedResponse({ type: AttainmentHistoryResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED (level, reason of 4–500 characters), ATTAINMENT_UNCHANGED',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: not provider staff' })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'NOT_FOUND, also for another provider’s enrolment',
  })
  correct(
    @CurrentUser() user: AuthUser,
    @Param('enrolmentId', ParseUUIDPipe) enrolmentId: string,
    @Body() body: AttainmentCorrectionRequest,
  ): Promise<AttainmentHistoryResponse> {
    return this.attainment.correct(user, enrolmentId, body);
  }
}
