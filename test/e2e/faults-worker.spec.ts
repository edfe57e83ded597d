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
import { startStack, type Stack } from '../support/stack.js';

/**
 * The worker process is killed (SIGKILL) in the middle of a batch of certificate PDFs and roster imports. A new
 * worker takes the stalled jobs up again (Bull's lock, shortened here to 2 s), and every job is done exactly once in
 * effect: one PDF and one message per certificate, every roster row enrolled once, the imports' counts exact.
 */
const CERTIFICATES = 40;
const IMPORTS = 3;
const ROWS = 20;
const UNKNOWN = 300;
let stack: Stack;
let course: OnlineCourse;
let importCourse: OnlineCourse;
const finishers: Learner[] = [];
const rostered: Learner[] = [];

beforeAll(async () => {
  stack = await startStack({ workers: 1, env: { JOB_LOCK_MS: '2000' } });
  course = await onlineCourse(stack, '证书批量演练课');
  importCourse = await onlineCourse(stack, '名单导入演练课');
  for (let i = 0; i < CERTIFICATES; i++) {
    const learner = await registerLearner(stack);
    expect((await enrol(stack.apiUrl, learner, course.sessionId)).status).toBe(201);
    finishers.push(learner);
  }
  for (let i = 0; i < IMPORTS * ROWS; i++) rostered.push(await registerLearner(stack));
}, 240_000);
afterAll(() => stack?.stop());

async function donePdfs(): Promise<number> {
  const [row] = await stack.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM certificates WHERE learner_user_id = ANY($1) AND pdf IS NOT NULL`,
    [finishers.map((l) => l.id)],
  );
  return row.n;
}

describe('a worker killed in the middle of a batch', () => {
  it('leaves every certificate and import done exactly once after another worker takes over', async () => {
    // The batch arrives as fast as the API takes it: three roster imports, then forty completions eight at a time.
    const imports: string[] = [];
    for (let i = 0; i < IMPORTS; i++) {
      // Registered learners and numbers nobody registered (each a rejected row), so each import takes a while.
      const unknown = Array.from(
        { length: UNKNOWN },
        (_, k) => `1395${String(i * UNKNOWN + k).padStart(7, '0')},无此人`,
      );
      const rows = [
        ...rostered.slice(i * ROWS, (i + 1) * ROWS).map((l) => `${l.mobile},测试学员`),
        ...unknown,
      ];
      const started = await call(
        stack.apiUrl,
        'POST',
        `/api/sessions/${importCourse.sessionId}/roster-imports`,
        { token: importCourse.staffToken, body: { csv: ['mobile,name', ...rows].join('\n') } },
      );
      expect(started.status).toBe(202);
      imports.push(started.body.id as string);
    }
    for (let i = 0; i < CERTIFICATES; i += 8) {
      const done = await Promise.all(
        finishers.slice(i, i + 8).map((l) => completeLesson(stack.apiUrl, l, course.lessonId)),
      );
      expect(done.map((d) => d.body.courseCompleted)).toEqual(done.map(() => true));
    }
    const first = stack.processes.get('worker');
    if (!first) throw new Error('no worker');
    // Killed while both kinds are half done: some certificates made and some not, imports begun and not finished.
    const atKill = await until('a part of the batch', async () => {
      const pdfs = await donePdfs();
      const [imported] = await stack.query<{ rows: number; open: number }>(
        `SELECT sum(processed)::int AS rows, count(*) FILTER (WHERE status <> 'done')::int AS open
           FROM roster_imports WHERE id = ANY($1)`,
        [imports],
      );
      const midway = pdfs > 0 && pdfs < CERTIFICATES && imported.rows > 0 && imported.open > 0;
      return midway ? { pdfs, importedRows: imported.rows } : undefined;
    });
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const [unfinished] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM roster_imports WHERE id = ANY($1) AND status <> 'done'`,
      [imports],
    );
    expect(CERTIFICATES - (await donePdfs()) + unfinished.n).toBeGreaterThan(0); // the batch was not finished

    await stack.spawn('worker');
    await until('every certificate PDF', async () => (await donePdfs()) === CERTIFICATES, 120_000);
    await until(
      'every import',
      async () => {
        const [row] = await stack.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM roster_imports WHERE id = ANY($1) AND status = 'done'`,
          [imports],
        );
        return row.n === IMPORTS;
      },
      120_000,
    );

    const ready = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = ANY($1) AND kind = 'certificate_ready'
        GROUP BY user_id`,
      [finishers.map((l) => l.id)],
    );
    expect(ready.map((r) => r.n)).toEqual(Array(CERTIFICATES).fill(1));
    const counts = await stack.query<{ total: number; processed: number; enrolled: number }>(
      `SELECT total, processed, enrolled FROM roster_imports WHERE id = ANY($1)`,
      [imports],
    );
    const size = ROWS + UNKNOWN;
    expect(counts).toEqual(Array(IMPORTS).fill({ total: size, processed: size, enrolled: ROWS }));
    const [enrolments] = await stack.query<{ rows: number; learners: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT learner_user_id)::int AS learners
         FROM enrolments WHERE session_id = $1`,
      [importCourse.sessionId],
    );
    expect(enrolments).toEqual({ rows: IMPORTS * ROWS, learners: IMPORTS * ROWS });
    const [seats] = await stack.query<{ taken: number }>(
      `SELECT enrolled_count AS taken FROM course_sessions WHERE id = $1`,
      [importCourse.sessionId],
    );
    expect(seats.taken).toBe(IMPORTS * ROWS);
    reportReliability({
      suite: 'fault-worker-killed',
      faults: 1,
      jobs: CERTIFICATES + IMPORTS,
      jobsLost: CERTIFICATES - (await donePdfs()) + IMPORTS - counts.length,
      records: IMPORTS * ROWS,
      recordsLost: IMPORTS * ROWS - enrolments.rows,
      notes:
        `worker killed with ${atKill.pdfs} of ${CERTIFICATES} PDFs made and ${atKill.importedRows} of ` +
        `${IMPORTS * (ROWS + UNKNOWN)} roster rows done; after a new worker took over every job was done once`,
    });
  }, 300_000);
});
