import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
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
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { PiiKeyStatusResponse, PiiRotationResponse } from './dto/pii-rotation.dto.js';
import { PiiRotationService } from './pii-rotation.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: not a bureau administrator' })
@Roles(Role.BureauAdmin)
@Controller('admin/pii-rotations')
export class PiiRotationController {
  constructor(private readonly rotations: PiiRotationService) {}

  @Get()
  @ApiOperation({
    summary: 'Personal-data keys: configured versions, ID numbers by key version, the newest rotation runs',
  })
  @ApiOkResponse({ type: PiiKeyStatusResponse })
  status(): Promise<PiiKeyStatusResponse> {
    return this.rotations.status();
  }

  @Post()
  @ApiOperation({
    summary: 'Start re-encrypting and re-hashing every ID number under the newest keys (audited)',
  })
  @ApiCreatedResponse({ type: PiiRotationResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'PII_ROTATION_RUNNING: one is running already' })
  start(@CurrentUser() user: AuthUser): Promise<PiiRotationResponse> {
    return this.rotations.start(user);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a failed rotation from its last committed batch (audited)' })
  @ApiOkResponse({ type: PiiRotationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such rotation' })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'PII_ROTATION_STATE_INVALID: not failed; PII_ROTATION_RUNNING: another one runs',
  })
  resume(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PiiRotationResponse> {
    return this.rotations.resume(user, id);
  }
}
