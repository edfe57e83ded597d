import { Body, Controller, Get, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, MfaExempt } from '../auth/auth.decorators.js';
import { MeResponse } from './dto/me.response.js';
import { UpdateProfileDto } from './dto/update-profile.dto.js';
import { PeopleService } from './people.service.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';

@ApiTags('me')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@Controller('me')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @MfaExempt()
  @ApiOperation({ summary: 'The signed-in account, its roles and learner profile (ID number masked)' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.people.me(user.id);
  }

  @Patch()
  @ApiOperation({ summary: 'Edit one’s own profile' })
  @ApiOkResponse({ type: MeResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'VALIDATION_FAILED, TOWNSHIP_UNKNOWN, VILLAGE_UNKNOWN, ID_NUMBER_MISMATCH, ID_NUMBER_CONSENT_REQUIRED',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: no learner profile to edit' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'ID_NUMBER_TAKEN' })
  update(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto): Promise<MeResponse> {
    return this.people.updateProfile(user.id, dto);
  }
}
