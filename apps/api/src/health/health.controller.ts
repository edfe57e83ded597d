import { Controller, Get, Header, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { QueueService } from '../jobs/queue.service.js';
import { MetricsService } from './metrics.service.js';

class ComponentHealth {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ required: false }) latencyMs?: number;
}

class QueueHealth {
  @ApiProperty({ description: 'Jobs waiting in the outbox for Redis' }) outboxPending: number;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] }) status: 'ok' | 'degraded' | 'down';
  @ApiProperty({ type: ComponentHealth }) database: ComponentHealth;
  @ApiProperty({ type: ComponentHealth }) redis: ComponentHealth;
  @ApiProperty({ type: QueueHealth, nullable: true }) queue: QueueHealth | null;
}

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    private readonly metrics: MetricsService,
  ) {}

  /** 200 while the database answers (Redis down only delays jobs: "degraded"); 503 when the database is down. */
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
    const status = database.status === 'down' ? 'down' : redisUp ? 'ok' : 'degraded';
    if (status === 'down') res.status(503);
    return { status, database, redis, queue: pending === null ? null : { outboxPending: pending } };
  }

  @Public()
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  async prometheus(@Res() res: Response): Promise<void> {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
