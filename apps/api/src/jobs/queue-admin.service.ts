import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import type { Job, JobCounts, Queue } from 'bull';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainException } from '../common/domain.exception.js';
import { QueueName } from './job.constants.js';
import {
  type FailedJobResponse,
  JobActionDone,
  type JobActionResponse,
  type JobParams,
  type QueueOverviewResponse,
  type QueueSummaryResponse,
} from './queue-admin.dto.js';
import { QueueService } from './queue.service.js';

export const FAILED_JOBS_SHOWN = 50;
const REASON_MAX = 500;

export function toFailedJobResponse(job: Job): FailedJobResponse {
  return {
    id: String(job.id),
    name: job.name,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    failedReason: (job.failedReason ?? '').slice(0, REASON_MAX),
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

/**
 * The job queues as the bureau administrator sees them: counts by state and the newest failed jobs with their
 * reason; a failed job can be retried or removed, each on the audit trail with the administrator as actor.
 */
@Injectable()
export class QueueAdminService {
  constructor(
    private readonly queues: QueueService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async overview(): Promise<QueueOverviewResponse> {
    await this.requireRedis();
    const queues = await Promise.all(Object.values(QueueName).map((name) => this.summary(name)));
    return { queues };
  }

  retry(user: AuthUser, params: JobParams): Promise<JobActionResponse> {
    return this.act(user, params, JobActionDone.Retried, (job) => job.retry());
  }

  remove(user: AuthUser, params: JobParams): Promise<JobActionResponse> {
    return this.act(user, params, JobActionDone.Removed, (job) => job.remove());
  }

  private async summary(name: QueueName): Promise<QueueSummaryResponse> {
    const queue = this.queues.get(name);
    const [counts, failed] = await Promise.all([
      queue.getJobCounts() as Promise<JobCounts & { paused?: number }>,
      // Newest first (Bull keeps failed jobs in a set ordered by when they failed).
      queue.getJobs(['failed'], 0, FAILED_JOBS_SHOWN - 1, false),
    ]);
    return {
      name,
      counts: {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
        paused: counts.paused ?? 0,
      },
      // A job removed between the two reads comes back as null.
      failedJobs: failed.filter((job): job is Job => Boolean(job)).map(toFailedJobResponse),
    };
  }

  /**
   * Only a failed job may be retried or removed (an active one belongs to a worker, a waiting one will run). The
   * audit event is written first and the change made inside the same transaction: if Bull refuses (another
   * administrator was quicker), the event is rolled back and the caller gets 409.
   */
  private async act(
    user: AuthUser,
    { queue, jobId }: JobParams,
    done: JobActionDone,
    change: (job: Job) => Promise<void>,
  ): Promise<JobActionResponse> {
    await this.requireRedis();
    const job = await this.findJob(this.queues.get(queue), jobId);
    const state = await job.getState();
    if (state !== 'failed') {
      throw new DomainException(
        ErrorCode.JobStateInvalid,
        `Only a failed job can be ${done}; this one is ${state}.`,
      );
    }
    await this.dataSource.transaction(async (m) => {
      await this.audit.record(m, {
        action: `job.${done}`,
        entityType: 'job',
        entityId: `${queue}/${String(job.id)}`,
        actorUserId: user.id,
        details: { queue, name: job.name, attemptsMade: job.attemptsMade },
      });
      try {
        await change(job);
      } catch {
        throw new DomainException(
          ErrorCode.JobStateInvalid,
          `The job is no longer failed; nothing was ${done}.`,
        );
      }
    });
    return { queue, jobId: String(job.id), done };
  }

  private async findJob(queue: Queue, jobId: string): Promise<Job> {
    const job = await queue.getJob(jobId);
    if (!job) throw new DomainException(ErrorCode.NotFound, 'No such job in this queue.');
    return job;
  }

  /** Bull waits for Redis indefinitely; the page answers 503 at once instead. */
  private async requireRedis(): Promise<void> {
    if (!(await this.queues.ping(1000))) {
      throw new DomainException(ErrorCode.ServiceUnavailable, 'The job queue (Redis) cannot be reached.');
    }
  }
}
