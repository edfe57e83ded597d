import { Controller, Get, Query } from '@nestjs/common';
import {
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
  @ApiOperation({ summary: 'The audit trail, newest first (bureau administrators only)' })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@CurrentUser() user: AuthUser, @Query() query: AuditQuery): Promise<AuditPageResponse> {
    return this.audit.list(user, query);
  }
}
