import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { JobActionResponse, JobParams, QueueOverviewResponse } from './queue-admin.dto.js';
import { QueueAdminService } from './queue-admin.service.js';

@ApiTags('jobs')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'FORBIDDEN: not a bureau administrator' })
@ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'SERVICE_UNAVAILABLE: Redis unreachable' })
@Roles(Role.BureauAdmin)
@Controller('admin/queues')
export class QueueAdminController {
  constructor(private readonly queueAdmin: QueueAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Every job queue: counts by state and the newest failed jobs with their reason' })
  @ApiOkResponse({ type: QueueOverviewResponse })
  overview(): Promise<QueueOverviewResponse> {
    return this.queueAdmin.overview();
  }

  @Post(':queue/jobs/:jobId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run a failed job again (audited)' })
  @ApiOkResponse({ type: JobActionResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such job in this queue' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'JOB_STATE_INVALID: the job is not failed' })
  retry(@CurrentUser() user: AuthUser, @Param() params: JobParams): Promise<JobActionResponse> {
    return this.queueAdmin.retry(user, params);
  }

  @Delete(':queue/jobs/:jobId')
  @ApiOperation({ summary: 'Remove a failed job (audited)' })
  @ApiOkResponse({ type: JobActionResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such job in this queue' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'JOB_STATE_INVALID: the job is not failed' })
  remove(@CurrentUser() user: AuthUser, @Param() params: JobParams): Promise<JobActionResponse> {
    return this.queueAdmin.remove(user, params);
  }
}
