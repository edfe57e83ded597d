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
import { type JsonResponse, call, until } from '../support/http.js';
import { PrivatePostgres } from '../support/services.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * PostgreSQL restarts (`pg_ctl restart -m fast`: every connection cut, open transactions rolled back) while learners
 * enrol and finish lessons. The API process is not restarted: it answers 503 with the error shape while the database
 * is away, never a 500 or a hang, is back within 10 seconds of the database, and every write it acknowledged is there,
 * whole (the enrolment with its seat count and audit event, the completion with its record and certificate).
 */
const LEARNERS = 60;
let postgres: PrivatePostgres;
let stack: Stack;
let course: OnlineCourse;
const learners: Learner[] = [];

beforeAll(async () => {
  postgres = await PrivatePostgres.start();
  stack = await startStack({ databaseServer: postgres.url, workers: 1 });
  course = await onlineCourse(stack, '数据库重启演练课');
  for (let i = 0; i < LEARNERS; i++) learners.push(await registerLearner(stack));
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  postgres?.destroy();
});

interface Outcome {
  learner: Learner;
  kind: 'enrol' | 'complete';
  answer: JsonResponse;
}

describe('PostgreSQL restarted under load', () => {
  it('answers 503 meanwhile, recovers within 10 s without its own restart, and keeps every acknowledged write whole', async () => {
    const api = stack.processes.get('api');
    const outcomes: Outcome[] = [];
    let stop = false;
    // Each learner enrols, then finishes the lesson, retrying what was refused, as the web app lets them.
    let next = 0;
    const load = (async () => {
      const workers = Array.from({ length: 4 }, async (_, w) => {
        while (!stop) {
          if (next >= learners.length) {
            // Everyone is through: keep the API busy with reads and repeated (idempotent) progress saves.
            const learner = learners[w];
            const answer = await completeLesson(stack.apiUrl, learner, course.lessonId).catch(() => null);
            if (answer) outcomes.push({ learner, kind: 'complete', answer });
            await call(stack.apiUrl, 'GET', `/api/catalogue/courses/${course.courseId}`).catch(() => null);
            continue;
          }
          const learner = learners[next++];
          let enrolled = false;
          for (let attempt = 0; attempt < 40 && !stop; attempt++) {
            const answer = await enrol(stack.apiUrl, learner, course.sessionId).catch(() => null);
            if (answer) outcomes.push({ learner, kind: 'enrol', answer });
            if (answer && (answer.status === 201 || answer.body?.code === 'ENROLMENT_DUPLICATE')) {
              enrolled = true;
              break;
            }
            await new Promise((r) => setTimeout(r, 250));
          }
          if (!enrolled) continue;
          const answer = await completeLesson(stack.apiUrl, learner, course.lessonId).catch(() => null);
          if (answer) outcomes.push({ learner, kind: 'complete', answer });
          await new Promise((r) => setTimeout(r, 100));
        }
      });
      await Promise.all(workers);
    })();

    await new Promise((r) => setTimeout(r, 2000));
    await postgres.restart();
    const databaseBack = Date.now();
    const recovered = await until(
      'the API to answer again',
      async () => {
        const health = await call(stack.apiUrl, 'GET', '/health').catch(() => null);
        return health?.status === 200 ? Date.now() - databaseBack : undefined;
      },
      10_000,
    );
    await until(
      'every learner to be through',
      () => Promise.resolve(next >= learners.length || undefined),
      60_000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    stop = true;
    await load;

    expect(api?.exitCode).toBeNull(); // the same process answered throughout
    const failures = outcomes.filter((o) => o.answer.status >= 500);
    expect(failures.map((o) => [o.answer.status, o.answer.body?.code])).toEqual(
      failures.map(() => [503, 'SERVICE_UNAVAILABLE']),
    );
    expect(stack.output.filter((l) => l.includes('"code":"INTERNAL"'))).toEqual([]);

    // Every acknowledged enrolment exists, with its audit event and its seat; nothing unacknowledged half-exists.
    const acknowledged = outcomes.filter((o) => o.kind === 'enrol' && o.answer.status === 201);
    const enrolments = await stack.query<{ id: string; learner_user_id: string; audited: boolean }>(
      `SELECT e.id, e.learner_user_id,
              EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = e.id::text) AS audited
         FROM enrolments e WHERE e.session_id = $1`,
      [course.sessionId],
    );
    const byId = new Set(enrolments.map((e) => e.id));
    const lost = acknowledged.filter((o) => !byId.has(o.answer.body.id as string));
    expect(lost).toEqual([]);
    expect(enrolments.filter((e) => !e.audited)).toEqual([]);
    expect(new Set(enrolments.map((e) => e.learner_user_id)).size).toBe(enrolments.length);
    const [session] = await stack.query<{ n: number }>(
      `SELECT enrolled_count AS n FROM course_sessions WHERE id = $1`,
      [course.sessionId],
    );
    expect(session.n).toBe(enrolments.length);
    expect(enrolments.length).toBe(LEARNERS);

    // Every acknowledged completion has its record and certificate; no record without its certificate.
    const completed = outcomes.filter(
      (o) => o.kind === 'complete' && o.answer.body?.courseCompleted === true,
    );
    const [records] = await stack.query<{ records: number; certificates: number }>(
      `SELECT count(*)::int AS records,
              count(k.id)::int AS certificates
         FROM learning_records r LEFT JOIN certificates k ON k.record_id = r.id WHERE r.course_id = $1`,
      [course.courseId],
    );
    expect(records.records).toBeGreaterThanOrEqual(completed.length);
    expect(records.certificates).toBe(records.records);

    const refused = outcomes.filter((o) => o.answer.status === 503).length;
    reportReliability({
      suite: 'fault-postgres-restarted',
      faults: 1,
      records: acknowledged.length + completed.length,
      recordsLost: lost.length + Math.max(0, completed.length - records.records),
      notes:
        `${outcomes.length} writes during the run, ${refused} answered 503 while PostgreSQL restarted; ` +
        `the API answered again ${recovered} ms after the restart command returned`,
    });
  }, 180_000);
});
