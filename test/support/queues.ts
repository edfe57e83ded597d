import Bull from 'bull';
import { randomUUID } from 'node:crypto';
import type { Stack } from './stack.js';

/**
 * Adds a job no handler knows (as an older version might have left) to a queue of the stack; the stack's own worker
 * fails it ("Missing process handler for job type …"), once, and this resolves with its id when Bull says so.
 */
export async function addFailingJob(stack: Stack, queueName = 'certificates'): Promise<string> {
  const queue = new Bull(queueName, stack.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    prefix: stack.env.QUEUE_PREFIX,
  });
  try {
    const jobId = `legacy-export:${randomUUID()}`;
    await queue.add('legacy-export', { payload: {}, requestId: null }, { jobId, attempts: 1 });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const state = await (await queue.getJob(jobId))?.getState();
      if (state === 'failed') return jobId;
      if (Date.now() > deadline) throw new Error(`job ${jobId} still ${state ?? 'missing'} after 20 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await queue.close();
  }
}

export async function jobState(stack: Stack, queueName: string, jobId: string): Promise<string | null> {
  const queue = new Bull(queueName, stack.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    prefix: stack.env.QUEUE_PREFIX,
  });
  try {
    const job = await queue.getJob(jobId);
    return job ? await job.getState() : null;
  } finally {
    await queue.close();
  }
}
