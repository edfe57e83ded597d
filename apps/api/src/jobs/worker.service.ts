import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { runWithRequestId } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { MetricsService } from '../health/metrics.service.js';
import {
  JOB_QUEUE,
  JobName,
  type JobData,
  type JobPayloads,
  QueueName,
  type Repeat,
  schedules,
} from './job.constants.js';
import { QueueService } from './queue.service.js';

export type JobHandlers = { [N in JobName]: (payload: JobPayloads[N]) => Promise<void> };
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

const CONCURRENCY = 4;

/** Consumes every queue. Handlers are thin calls into domain services and must be idempotent. */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly consuming: Queue[] = [];

  constructor(
    private readonly queues: QueueService,
    private readonly metrics: MetricsService,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandlers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    assertOneHandlerPerJob(this.handlers);
    for (const queueName of Object.values(QueueName)) {
      const queue = this.queues.get(queueName);
      this.consuming.push(queue);
      for (const name of Object.values(JobName).filter((n) => JOB_QUEUE[n] === queueName)) {
        void queue.process(name, CONCURRENCY, (job: Job<JobData>) => this.run(queueName, name, job));
      }
      queue.on('failed', (job: Job<JobData>, error: Error) =>
        runWithRequestId(job.data.requestId ?? `job-${String(job.id)}`, () =>
          this.logger.warn({
            msg: 'job failed',
            queue: queueName,
            job: job.name,
            jobId: job.id,
            attempt: job.attemptsMade,
            error: error.message,
          }),
        ),
      );
    }
    // Not awaited: with Redis down the registration waits in the client's queue instead of holding up the start.
    for (const schedule of schedules(this.config.schedules)) {
      void this.register(schedule.name, schedule.repeat).catch((error: Error) =>
        this.logger.warn({
          msg: 'could not register a schedule; retried at next start',
          job: schedule.name,
          error: error.message,
        }),
      );
    }
  }

  /**
   * SIGTERM: stop taking jobs from every queue and wait for the active ones to finish (Bull's local pause), before
   * PostgreSQL and Redis close. A job cut short by the shutdown timeout is picked up again once its lock expires.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.consuming.map((queue) => queue.pause(true, false)));
    this.logger.log({ msg: 'worker idle: active jobs finished, no more taken' });
  }

  /**
   * A repeatable job with a fixed id: Redis keeps one schedule however many workers register it. A schedule whose
   * rule changed (another cron, another interval) would otherwise stay in Redis beside the new one and run too, so
   * the rules of this job name that are not the configured one are removed.
   */
  private async register(name: JobName, repeat: Repeat): Promise<void> {
    const queue = this.queues.get(JOB_QUEUE[name]);
    await queue.add(name, { payload: {}, requestId: null }, { repeat, jobId: name, removeOnComplete: 100 });
    for (const existing of await queue.getRepeatableJobs()) {
      if (existing.name !== (name as string)) continue;
      const same =
        'every' in repeat
          ? existing.every === repeat.every
          : existing.cron === repeat.cron && existing.tz === repeat.tz;
      if (!same) {
        await queue.removeRepeatableByKey(existing.key);
        this.logger.log({ msg: 'removed a superseded schedule', job: name, key: existing.key });
      }
    }
  }

  private run(queue: QueueName, name: JobName, job: Job<JobData>): Promise<void> {
    const handler = this.handlers[name] as (payload: unknown) => Promise<void>;
    // Log lines of the job carry the id of the request that caused it (kept in the outbox and in JobData).
    return runWithRequestId(job.data.requestId ?? `job-${String(job.id)}`, async () => {
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      try {
        await handler(job.data.payload);
      } catch (error) {
        this.metrics.jobDuration.observe({ queue, job: name, outcome: 'failed' }, seconds());
        this.metrics.jobFailures.inc({ queue, job: name });
        throw error;
      }
      const elapsed = seconds();
      this.metrics.jobDuration.observe({ queue, job: name, outcome: 'done' }, elapsed);
      this.logger.log({ msg: 'job done', queue, job: name, jobId: job.id, ms: Math.round(elapsed * 1000) });
    });
  }
}

export function assertOneHandlerPerJob(handlers: Partial<Record<string, unknown>>): void {
  const names = Object.values(JobName) as string[];
  const missing = names.filter((n) => typeof handlers[n] !== 'function');
  const unknown = Object.keys(handlers).filter((n) => !names.includes(n));
  if (missing.length || unknown.length) {
    throw new Error(
      `Job handlers do not match job names: missing [${missing.join(', ')}], unknown [${unknown.join(', ')}]`,
    );
  }
}
