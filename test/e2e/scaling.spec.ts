import Bull from 'bull';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO_LOGIN, login, until } from '../support/http.js';
import { startStack, type Stack } from '../support/stack.js';
import { reportReliability } from '../../apps/api/src/testing/reliability-report.js';

/**
 * Two API processes and two workers against one PostgreSQL and one Redis: the enrolment and learning concurrency
 * rules over HTTP with requests split across both APIs, sessions valid on either, every job done once, the
 * nightly schedule run once, and no acknowledged write lost when an API process is killed under load.
 */
// 60 requests at once on one session row: every seat is taken under that row's lock, one transaction after another.
// Far more at once on this shared 2-core machine waits past the 5 s pool acquisition limit (503 with Retry-After).
const LEARNERS = 30;
const CAPACITY = 10;
let stack: Stack;
let api: string;
let api2: string;
let staff: { token: string };
let courseId: string;
let lessonIds: string[];

const instant = (days: number, hour = 9) =>
  `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+08:00`;

const onlineSession = (capacity: number, label = '网络班') => ({
  label,
  startsAt: instant(-1),
  endsAt: instant(40, 11),
  capacity,
  online: true,
  enrolmentOpensAt: instant(-5),
  enrolmentClosesAt: instant(30),
});

async function newSession(capacity = CAPACITY): Promise<string> {
  const res = await call(api, 'POST', `/api/courses/${courseId}/sessions`, {
    token: staff.token,
    body: onlineSession(capacity),
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
}

/** Learners registered through both APIs, half each. */
async function registerLearners(n: number): Promise<Array<{ id: string; token: string }>> {
  const learners: Array<{ id: string; token: string }> = [];
  for (let batch = 0; batch < n; batch += 10) {
    const made = await Promise.all(
      Array.from({ length: Math.min(10, n - batch) }, (_, j) => {
        const i = batch + j;
        return call(i % 2 ? api2 : api, 'POST', '/api/auth/register', {
          body: {
            name: `学员${i}`,
            mobile: `1371234${String(i).padStart(4, '0')}`,
            password: 'Learn2026ok',
            birthDate: '1975-05-01',
            sex: i % 2 ? 'female' : 'male',
            townshipCode: '339901103000',
            villageCode: '339901103202',
            attainment: 'junior_secondary',
            employmentStatus: 'employed',
          },
        });
      }),
    );
    for (const r of made) {
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      learners.push({ id: r.body.user.id, token: r.body.accessToken });
    }
  }
  return learners;
}

/** Every `job done` log line of both workers, as [worker, job, jobId]. */
function jobsDone(): Array<{ worker: string; job: string; jobId: string }> {
  return stack.output
    .filter((l) => /^\[worker2?\] \{/.test(l) && l.includes('"msg":"job done"'))
    .map((l) => {
      const line = JSON.parse(l.slice(l.indexOf('{'))) as { job: string; jobId: string };
      return { worker: l.slice(1, l.indexOf(']')), job: line.job, jobId: String(line.jobId) };
    });
}

beforeAll(async () => {
  stack = await startStack({ apis: 2, workers: 2, env: { DATABASE_POOL_SIZE: '12' } });
  [api, api2] = stack.apiUrls;
  staff = await login(api, DEMO_LOGIN.providerAdmin);
  const providers = await call(api, 'GET', '/api/me/providers', { token: staff.token });
  const providerId = providers.body[0].id as string;
  const programme = await call(api2, 'POST', `/api/providers/${providerId}/programmes`, {
    token: staff.token,
    body: { kind: 'community', title: '数字生活' },
  });
  expect(programme.status).toBe(201);
  const course = await call(api, 'POST', '/api/courses', {
    token: staff.token,
    body: {
      programmeId: programme.body.id,
      title: '智能手机入门',
      category: 'digital_skills',
      mode: 'online',
      studyHours: 6,
      credits: 0.5,
      description: '学会视频通话与防范诈骗。',
      coverText: '长辈也能学会的手机课',
      // Set explicitly: this spec is about two APIs completing at once, not the reading minimum (tested in apps/api).
      textMinSeconds: 0,
    },
  });
  expect(course.body).toMatchObject({ id: expect.any(String) });
  courseId = course.body.id;
  lessonIds = [];
  for (const title of ['视频通话', '识别诈骗电话']) {
    const lesson = await call(api2, 'POST', `/api/courses/${courseId}/lessons`, {
      token: staff.token,
      body: { kind: 'text', title, body: `# ${title}\n一步一步来。` },
    });
    expect(lesson.status).toBe(201);
    lessonIds.push(lesson.body.id);
  }
  await newSession();
  expect((await call(api, 'POST', `/api/courses/${courseId}/publish`, { token: staff.token })).status).toBe(
    200,
  );
}, 180_000);
afterAll(() => stack?.stop());

describe('two API processes and two workers on one PostgreSQL and one Redis', () => {
  it('accepts a session on either API and rotates refresh tokens across them', async () => {
    const me = await login(api, DEMO_LOGIN.learner);
    expect((await call(api2, 'GET', '/api/me', { token: me.token })).status).toBe(200);
    const rotated = await call(api2, 'POST', '/api/auth/refresh', { body: { refreshToken: me.refresh } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(me.refresh);
    expect((await call(api, 'GET', '/api/me', { token: rotated.body.accessToken })).status).toBe(200);
    const again = await call(api, 'POST', '/api/auth/refresh', {
      body: { refreshToken: rotated.body.refreshToken },
    });
    expect(again.status).toBe(200);
    expect((await call(api2, 'GET', '/api/me', { token: again.body.accessToken })).status).toBe(200);
  });

  it(`fills a ${CAPACITY}-seat session exactly from ${LEARNERS} learners each enrolling on both APIs at once`, async () => {
    const learners = await registerLearners(LEARNERS);
    const sessionId = await newSession();
    const results = await Promise.all(
      learners.flatMap((l) =>
        [api, api2].map((url) =>
          call(url, 'POST', '/api/enrolments', { token: l.token, body: { sessionId } }),
        ),
      ),
    );
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    const created = results.filter((r) => r.status === 201);
    // One enrolment per learner whichever API answered first; the other request is a coded 409.
    expect(created).toHaveLength(LEARNERS);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
      Array<string>(LEARNERS).fill(results.find((r) => r.status === 409)?.body.code),
    );
    expect(created.filter((r) => r.body.status === 'enrolled')).toHaveLength(CAPACITY);
    expect(created.filter((r) => r.body.status === 'waitlisted')).toHaveLength(LEARNERS - CAPACITY);
    const [row] = await stack.query<{ enrolled: number; seats: number; total: number }>(
      `SELECT count(*) FILTER (WHERE e.status = 'enrolled')::int AS enrolled, count(*)::int AS total,
              max(s.enrolled_count) AS seats
         FROM enrolments e JOIN course_sessions s ON s.id = e.session_id WHERE e.session_id = $1`,
      [sessionId],
    );
    expect(row).toEqual({ enrolled: CAPACITY, seats: CAPACITY, total: LEARNERS });

    // A seat freed on one API goes to the first learner on the waitlist, seen from the other API.
    const seated = created.find((r) => r.body.status === 'enrolled')!.body;
    const first = created.find((r) => r.body.waitlistPosition === 1)!.body;
    const seatedLearner = learners.find((l) => l.id === seated.learnerId) ?? learners[0];
    const withdrawn = await call(api2, 'POST', `/api/enrolments/${seated.id}/withdraw`, {
      token: seatedLearner.token,
    });
    expect(withdrawn.status).toBe(200);
    const [promoted] = await stack.query<{ status: string }>(`SELECT status FROM enrolments WHERE id = $1`, [
      first.id,
    ]);
    expect(promoted.status).toBe('enrolled');

    // Progress from both APIs at once for every seated learner: each completes once, with one record and one
    // certificate, and each certificate's PDF job is done once by one of the two workers.
    const seatedRows = await stack.query<{ learner_user_id: string }>(
      `SELECT learner_user_id FROM enrolments WHERE session_id = $1 AND status = 'enrolled'`,
      [sessionId],
    );
    const seatedLearners = learners.filter((l) => seatedRows.some((r) => r.learner_user_id === l.id));
    expect(seatedLearners).toHaveLength(CAPACITY);
    // Five learners at a time, each lesson sent to both APIs at once (a burst of all of them would queue for pool
    // connections past the 5 s acquisition limit on this 2-core machine: 503 with Retry-After, by design).
    const progress: Array<{ status: number; body: unknown }> = [];
    for (let i = 0; i < seatedLearners.length; i += 5) {
      progress.push(
        ...(await Promise.all(
          seatedLearners.slice(i, i + 5).flatMap((l) =>
            lessonIds.flatMap((lessonId) =>
              [api, api2].map((url) =>
                call(url, 'PUT', `/api/me/lessons/${lessonId}/progress`, {
                  token: l.token,
                  body: { completed: true, position: 100 },
                }),
              ),
            ),
          ),
        )),
      );
    }
    expect(progress.filter((r) => r.status !== 200)).toEqual([]);
    const [state] = await stack.query<{ completed: number; records: number; certificates: number }>(
      `SELECT (SELECT count(*)::int FROM enrolments WHERE session_id = $1 AND status = 'completed') AS completed,
              (SELECT count(*)::int FROM learning_records r JOIN enrolments e ON e.id = r.enrolment_id
                WHERE e.session_id = $1) AS records,
              (SELECT count(*)::int FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id
                WHERE e.session_id = $1) AS certificates`,
      [sessionId],
    );
    expect(state).toEqual({ completed: CAPACITY, records: CAPACITY, certificates: CAPACITY });
    await until(
      'every certificate PDF',
      async () => {
        const [{ n }] = await stack.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM certificates c JOIN enrolments e ON e.id = c.enrolment_id
          WHERE e.session_id = $1 AND c.pdf IS NOT NULL`,
          [sessionId],
        );
        return n === CAPACITY ? n : undefined;
      },
      60_000,
    );
    await until('the outbox relayed', async () => {
      const [{ n }] = await stack.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM job_outbox WHERE sent_at IS NULL`,
      );
      return n === 0 ? n : undefined;
    });
    // A PDF is stored before its worker logs "job done" (the log is written in batches after the job completes).
    const done = await until('a job-done line for every certificate PDF', () => {
      const lines = jobsDone();
      return Promise.resolve(
        lines.filter((d) => d.job === 'certificate-pdf').length >= CAPACITY ? lines : undefined,
      );
    });
    const pdfJobs = done.filter((d) => d.job === 'certificate-pdf');
    expect(pdfJobs.length).toBeGreaterThanOrEqual(CAPACITY);
    // Every job (welcome notifications, PDFs, ...) was done exactly once, by one worker or the other.
    const ids = done.map((d) => d.jobId);
    expect(ids.length - new Set(ids).size).toBe(0);
    expect(new Set(done.map((d) => d.worker))).toEqual(new Set(['worker', 'worker2']));
  }, 240_000);

  it('runs the nightly schedule once per run with two workers, even after its rule changed', async () => {
    const queue = new Bull('maintenance', stack.env.REDIS_URL!, { prefix: stack.env.QUEUE_PREFIX });
    const rules = async () =>
      (await queue.getRepeatableJobs()).filter((j) => j.name === 'recompute-indicators').map((j) => j.cron);
    const nightly = await until('the nightly rule in Redis', async () => {
      const found = await rules();
      return found.length ? found : undefined;
    });
    expect(nightly).toEqual(['30 2 * * *']);
    // Both workers restart with a schedule every 2 s instead of 02:30 (as a deploy with a new rule would).
    stack.env.INDICATORS_RECOMPUTE_CRON = '*/2 * * * * *';
    for (const name of ['worker', 'worker2']) {
      const child = stack.processes.get(name)!;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    const startedLines = () => stack.output.filter((l) => l.includes('"msg":"worker started"')).length;
    const startedBefore = startedLines();
    await Promise.all([stack.spawn('worker'), stack.spawn('worker2')]);
    await until('both new workers', () =>
      Promise.resolve(startedLines() >= startedBefore + 2 ? true : undefined),
    );
    const before = jobsDone().filter((d) => d.job === 'recompute-indicators').length;
    const started = Date.now();
    // A run recomputes three years of the demo county (seconds on a busy machine): wait for three runs, at most 60 s.
    const recomputed = () =>
      jobsDone()
        .filter((d) => d.job === 'recompute-indicators')
        .slice(before);
    while (Date.now() - started < 60_000 && (Date.now() - started < 9_000 || recomputed().length < 3)) {
      await new Promise((r) => setTimeout(r, 500));
    }
    const elapsed = (Date.now() - started) / 1000;
    const runs = recomputed();
    console.log(`schedule every 2 s with two workers: ${runs.length} runs in ${elapsed.toFixed(1)} s`);
    // One run every 2 s (a run that overlaps the next slot still happens once); never one per worker.
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(elapsed / 2) + 1);
    expect(new Set(runs.map((r) => r.jobId)).size).toBe(runs.length);
    // The 02:30 rule was replaced, not kept beside the new one (it would run too).
    expect(await rules()).toEqual(['*/2 * * * * *']);
    expect(stack.output.some((l) => l.includes('removed a superseded schedule'))).toBe(true);
    await queue.close();
  }, 150_000);

  it('loses no acknowledged write when an API process is killed during a load run', async () => {
    const acknowledged: string[] = [];
    let failed = 0;
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const url = (n + i) % 2 ? api2 : api;
        try {
          const res = await call(url, 'POST', `/api/courses/${courseId}/sessions`, {
            token: staff.token,
            body: onlineSession(10, `负载${n}-${i}`),
          });
          if (res.status === 201) acknowledged.push(res.body.id as string);
          else if (res.status >= 500) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
        } catch (error) {
          if (String(error).includes(' 5')) throw error;
          failed += 1; // the killed process: connection refused or reset, never acknowledged
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, n) => client(n)));
    await until('writes acknowledged before the kill', () =>
      Promise.resolve(acknowledged.length >= 20 ? true : undefined),
    );
    const before = acknowledged.length;
    stack.processes.get('api2')!.kill('SIGKILL');
    await until('writes acknowledged after the kill', () =>
      Promise.resolve(acknowledged.length >= before + 20 && failed > 0 ? true : undefined),
    );
    stop = true;
    await load;
    expect(failed).toBeGreaterThan(0);
    const rows = await stack.query<{ id: string }>(
      `SELECT id FROM course_sessions WHERE id = ANY($1::uuid[])`,
      [acknowledged],
    );
    expect(rows).toHaveLength(acknowledged.length);
    reportReliability({
      suite: 'fault-api-killed',
      faults: 1,
      records: acknowledged.length,
      recordsLost: acknowledged.length - rows.length,
      notes: `one of two APIs killed (SIGKILL) under 8 writers; ${failed} requests to it failed unacknowledged`,
    });
    await stack.spawn('api2');
    expect((await call(api2, 'GET', '/api/me', { token: staff.token })).status).toBe(200);
  }, 60_000);
});
