import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentRequestId } from '../common/request-context.js';
import { JOB_QUEUE, type JobName, type JobPayloads } from './job.constants.js';
import { OutboxJob } from './outbox.entity.js';

@Injectable()
export class OutboxService {
  /**
   * Records a job in the caller's transaction. `jobId` must be deterministic for the change
   * (e.g. `welcome:<userId>`), so a retried request or a second relay never makes a second job.
   */
  async enqueue<N extends JobName>(
    manager: EntityManager,
    name: N,
    jobId: string,
    payload: JobPayloads[N],
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxJob)
      .values({
        queue: JOB_QUEUE[name],
        name,
        jobId,
        payload: { ...payload },
        requestId: currentRequestId() ?? null,
      })
      .orIgnore()
      .execute();
  }
}
