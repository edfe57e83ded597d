import { Controller, Get, Header, Headers, Inject, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiUnauthorizedResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { QueueService } from '../jobs/queue.service.js';
import { pdfFontStatus } from '../credentials/pdf-font.js';
import { refuseMetrics } from './metrics-access.js';
import { MetricsService } from './metrics.service.js';
import { METRICS_TOKEN } from '../openapi/security-schemes.js';

class ComponentHealth {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ required: false }) latencyMs?: number;
}

class FontHealth {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ required: false, description: 'What is missing and how to fix it' }) reason?: string;
}

class QueueHealth {
  @ApiProperty({ description: 'Jobs waiting in the outbox for Redis' }) outboxPending: number;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] }) status: 'ok' | 'degraded' | 'down';
  @ApiProperty({ type: ComponentHealth }) database: ComponentHealth;
  @ApiProperty({ type: ComponentHealth }) redis: ComponentHealth;
  @ApiProperty({ type: QueueHealth, nullable: true }) queue: QueueHealth | null;
  @ApiProperty({ type: FontHealth, description: 'The font certificate and record PDFs are made with' })
  pdfFont: FontHealth;
}

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * 200 while the database answers (Redis down only delays jobs, a missing PDF font only delays PDFs: "degraded");
   * 503 when the database is down.
   */
  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Database and Redis status, and the job backlog' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthResponse })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const started = Date.now();
    const pending = await this.dataSource
      .query(`SELECT count(*)::int AS n FROM job_outbox WHERE sent_at IS NULL`)
      .then((rows: Array<{ n: number }>) => rows[0].n)
      .catch(() => null);
    const database: ComponentHealth =
      pending === null ? { status: 'down' } : { status: 'up', latencyMs: Date.now() - started };
    const redisStarted = Date.now();
    const redisUp = await this.queues.ping();
    const redis: ComponentHealth = redisUp
      ? { status: 'up', latencyMs: Date.now() - redisStarted }
      : { status: 'down' };
    const font = await pdfFontStatus({ path: this.config.cjkFontPath, family: this.config.cjkFontFamily });
    const pdfFont: FontHealth = font.ok ? { status: 'up' } : { status: 'down', reason: font.reason };
    const status = database.status === 'down' ? 'down' : redisUp && font.ok ? 'ok' : 'degraded';
    if (status === 'down') res.status(503);
    return { status, database, redis, queue: pending === null ? null : { outboxPending: pending }, pdfFont };
  }

  /** Public to the role guard: Prometheus has no user account; it sends METRICS_TOKEN instead (see refuseMetrics). */
  @Public()
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth(METRICS_TOKEN)
  @ApiOperation({
    summary:
      'Prometheus metrics (text exposition format); bearer METRICS_TOKEN when set, refused in production without one',
  })
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  @ApiUnauthorizedResponse({
    description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID: missing or wrong metrics token',
  })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: production without METRICS_TOKEN' })
  async prometheus(
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const refusal = refuseMetrics(this.config, authorization);
    if (refusal) throw new DomainException(refusal.code, refusal.message);
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
