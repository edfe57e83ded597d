import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bull';
import { runWithRequestId } from '../common/request-context.js';
import { JOB_QUEUE, JobName, type JobData, type JobPayloads, QueueName, SCHEDULES } from './job.constants.js';
import { QueueService } from './queue.service.js';

export type JobHandlers = { [N in JobName]: (payload: JobPayloads[N]) => Promise<void> };
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

const CONCURRENCY = 4;

/** Consumes every queue. Handlers are thin calls into domain services and must be idempotent. */
@Injectable()
export class WorkerService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly queues: QueueService,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandlers,
  ) {}

  onApplicationBootstrap(): void {
    assertOneHandlerPerJob(this.handlers);
    for (const queueName of Object.values(QueueName)) {
      const queue = this.queues.get(queueName);
      for (const name of Object.values(JobName).filter((n) => JOB_QUEUE[n] === queueName)) {
        void queue.process(name, CONCURRENCY, (job: Job<JobData>) => this.run(name, job));
      }
      queue.on('failed', (job: Job<JobData>, error: Error) =>
        this.logger.warn({
          msg: 'job failed',
          queue: queueName,
          job: job.name,
          jobId: job.id,
          attempt: job.attemptsMade,
          error: error.message,
        }),
      );
    }
    // A repeatable job with a fixed id: Redis keeps one schedule however many workers register it. Not awaited:
    // with Redis down the registration waits in the client's queue instead of holding up the start.
    for (const schedule of SCHEDULES) {
      void this.queues
        .get(JOB_QUEUE[schedule.name])
        .add(
          schedule.name,
          { payload: {}, requestId: null },
          { repeat: schedule.repeat, jobId: schedule.name, removeOnComplete: 100 },
        )
        .catch((error: Error) =>
          this.logger.warn({
            msg: 'could not register a schedule; retried at next start',
            job: schedule.name,
            error: error.message,
          }),
        );
    }
  }

  private run(name: JobName, job: Job<JobData>): Promise<void> {
    const handler = this.handlers[name] as (payload: unknown) => Promise<void>;
    return runWithRequestId(job.data.requestId ?? `job-${String(job.id)}`, async () => {
      const started = Date.now();
      await handler(job.data.payload);
      this.logger.log({ msg: 'job done', job: name, jobId: job.id, ms: Date.now() - started });
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
