import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { QueueService } from '../jobs/queue.service.js';

/** Prometheus metrics of this process. Gauges that read shared state are computed when scraped. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly httpErrors = new Counter({
    name: 'http_server_errors_total',
    help: 'Responses with status 500 or above',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });

  /** Observed by the process that runs the job (the worker, or the API with WORKER_IN_PROCESS). */
  readonly jobDuration = new Histogram({
    name: 'job_duration_seconds',
    help: 'Time a job handler ran, by queue, job name and outcome (done or failed)',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly jobFailures = new Counter({
    name: 'job_failures_total',
    help: 'Job attempts that failed (each retry counts), by queue and job name',
    labelNames: ['queue', 'job'] as const,
    registers: [this.registry],
  });

  constructor(dataSource: DataSource, queues: QueueService) {
    collectDefaultMetrics({ register: this.registry, prefix: 'cll_' });
    new Gauge({
      name: 'job_outbox_pending',
      help: 'Jobs recorded in the outbox and not yet relayed to Redis',
      registers: [this.registry],
      async collect() {
        const rows = await dataSource
          .query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM job_outbox WHERE sent_at IS NULL`)
          .catch(() => [{ n: -1 }]);
        this.set(rows[0].n);
      },
    });
    new Gauge({
      name: 'job_queue_jobs',
      help: 'Jobs in Bull by queue and state (waiting, active, delayed, failed, completed, paused), read from Redis at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        // Waits up to a second for a connection (the first scrape opens the API's queue connections); with Redis
        // down the series are absent, and /health reports the outage.
        if (!(await queues.ping(1000))) return;
        for (const queue of queues.all()) {
          const counts = await queue.getJobCounts().catch(() => null);
          if (!counts) continue;
          for (const [state, n] of Object.entries(counts)) this.set({ queue: queue.name, state }, Number(n));
        }
      },
    });
  }
}
