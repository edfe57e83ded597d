import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { AuditPageResponse, AuditQuery } from './audit.dto.js';
import { AuditService } from './audit.service.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: not a bureau administrator' })
@Controller('audit/events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(Role.BureauAdmin)
  @ApiOperation({
    summary:
      'The audit trail, newest first, filtered by actor, action, record and days (bureau administrators only)',
  })
  @ApiOkResponse({ type: AuditPageResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'VALIDATION_FAILED: a filter that is not valid (an actor that is not an id, a date that does not exist, to before from)',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: AuditQuery): Promise<AuditPageResponse> {
    return this.audit.list(user, query);
  }
}
