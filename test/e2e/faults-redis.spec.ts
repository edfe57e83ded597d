import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportReliability } from '../../apps/api/src/testing/reliability-report.js';
import {
  completeLesson,
  enrol,
  type Learner,
  onlineCourse,
  type OnlineCourse,
  registerLearner,
} from '../support/county.js';
import { call, until } from '../support/http.js';
import { RedisProcess } from '../../apps/api/src/testing/redis-process.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Redis (the job queues) is killed for 10 seconds while learners finish their course. The API keeps answering reads
 * and writes (jobs wait in the PostgreSQL outbox), and once Redis is back the backlog drains through the separate
 * worker without restarting anything: every completion gets its certificate PDF and its messages, exactly once.
 */
const LEARNERS = 30;
let redis: RedisProcess;
let stack: Stack;
let course: OnlineCourse;
const learners: Learner[] = [];

beforeAll(async () => {
  redis = await RedisProcess.start({ durable: true });
  stack = await startStack({ workers: 1, env: { REDIS_URL: redis.url } });
  course = await onlineCourse(stack, 'Redis 故障演练课');
  for (let i = 0; i < LEARNERS; i++) {
    const learner = await registerLearner(stack);
    expect((await enrol(stack.apiUrl, learner, course.sessionId)).status).toBe(201);
    learners.push(learner);
  }
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await redis?.destroy();
});

describe('Redis stopped for 10 seconds', () => {
  it('keeps serving reads and writes, loses no job, and drains the backlog after', async () => {
    // Half finish before the outage, the other half during it.
    for (const learner of learners.slice(0, LEARNERS / 2)) {
      expect((await completeLesson(stack.apiUrl, learner, course.lessonId)).body.courseCompleted).toBe(true);
    }
    await redis.stop();
    const outageStarted = Date.now();
    const answers: number[] = [];
    const during = learners.slice(LEARNERS / 2);
    while (Date.now() - outageStarted < 10_000) {
      const learner = during.shift();
      if (learner) {
        const done = await completeLesson(stack.apiUrl, learner, course.lessonId);
        answers.push(done.status);
        expect(done.body.courseCompleted).toBe(true);
      }
      answers.push((await call(stack.apiUrl, 'GET', `/api/catalogue/courses/${course.courseId}`)).status);
      answers.push((await call(stack.apiUrl, 'GET', '/api/me/record', { token: learners[0].token })).status);
      answers.push(
        (await call(stack.apiUrl, 'GET', '/api/me/certificates', { token: learners[0].token })).status,
      );
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(during).toEqual([]);
    expect(answers.filter((s) => s !== 200)).toEqual([]);
    // Health says what is wrong, and stays up.
    const health = await call(stack.apiUrl, 'GET', '/health');
    expect([health.status, health.body.status, health.body.redis.status]).toEqual([200, 'degraded', 'down']);

    const [pending] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM job_outbox WHERE sent_at IS NULL`,
    );
    expect(pending.n).toBeGreaterThanOrEqual(LEARNERS / 2); // the outage's jobs waited in PostgreSQL
    await redis.restart();
    const drainStarted = Date.now();

    const learnerIds = learners.map((l) => l.id);
    await until(
      'every certificate PDF',
      async () => {
        const [row] = await stack.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM certificates WHERE learner_user_id = ANY($1) AND pdf IS NOT NULL`,
          [learnerIds],
        );
        return row.n === LEARNERS;
      },
      90_000,
    );
    const drainedMs = Date.now() - drainStarted;
    const [certificates] = await stack.query<{ rows: number; learners: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT learner_user_id)::int AS learners
         FROM certificates WHERE learner_user_id = ANY($1)`,
      [learnerIds],
    );
    expect(certificates).toEqual({ rows: LEARNERS, learners: LEARNERS });
    const ready = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = ANY($1) AND kind = 'certificate_ready'
        GROUP BY user_id`,
      [learnerIds],
    );
    expect(ready.map((r) => r.n)).toEqual(Array(LEARNERS).fill(1));
    const [left] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM job_outbox WHERE sent_at IS NULL`,
    );
    expect(left.n).toBe(0);
    const [records] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM learning_records WHERE learner_user_id = ANY($1)`,
      [learnerIds],
    );
    expect(records.n).toBe(LEARNERS);
    reportReliability({
      suite: 'fault-redis-stopped',
      faults: 1,
      jobs: LEARNERS,
      jobsLost: LEARNERS - certificates.rows,
      records: LEARNERS,
      recordsLost: LEARNERS - records.n,
      notes: `Redis killed 10 s; ${answers.length} requests during it all 200; backlog of ${pending.n} drained in ${drainedMs} ms`,
    });
  }, 180_000);
});
