import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody } from '../testing/builders.js';
import {
  type Actor,
  buildCourse,
  type BuiltCourse,
  makeActor,
  makeProvider,
} from '../testing/offer-builders.js';
import { reportReliability } from '../testing/reliability-report.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';

/**
 * The same request sent again — at once, as a phone on a poor connection or an impatient double tap does — has the
 * effect of one where the API promises it: registration, enrolment, lesson progress and the completion it triggers,
 * attendance, a roster uploaded twice. Each replay runs its copies concurrently.
 */
const COPIES = 8;
let t: TestApp;
let staff: Actor;
let course: BuiltCourse;
let replayed = 0;
const bearer = { type: 'bearer' } as const;

beforeAll(async () => {
  t = await startTestApp();
  const provider = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderAdmin, provider);
  course = await buildCourse(t, staff, provider, { capacity: 100 });
  // Lessons alone complete this course, so a progress save can trigger the completion.
  await t.db.query(`UPDATE courses SET completion_rule = 'lessons' WHERE id = $1`, [course.courseId]);
});
afterAll(async () => {
  reportReliability({ suite: 'replayed-requests', inputs: replayed, recordsLost: 0 });
  await t.close();
});

function times<T>(make: () => Promise<T>): Promise<T[]> {
  replayed += COPIES;
  return Promise.all(Array.from({ length: COPIES }, make));
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const rows: Array<{ n: number }> = await t.db.query(sql, params);
  return rows[0].n;
}

describe('replayed requests', () => {
  it('registers one account however often the same registration arrives', async () => {
    const body = registerBody({ birthDate: '1985-06-01' });
    const answers = await times(() =>
      t.http
        .post('/api/auth/register')
        .send(body)
        .then((r) => r),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body.code])).toEqual(
      Array(COPIES - 1).fill([409, 'ACCOUNT_EXISTS']),
    );
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE mobile = $1`, [body.mobile])).toBe(1);
  });

  it('enrols once, counts one seat, and answers the copies with ENROLMENT_DUPLICATE', async () => {
    const learner = await makeActor(t, undefined, undefined, { birthDate: '1985-06-01' });
    const before = await count(`SELECT enrolled_count AS n FROM course_sessions WHERE id = $1`, [
      course.sessionId,
    ]);
    const answers = await times(() =>
      t.http.post('/api/enrolments').auth(learner.token, bearer).send({ sessionId: course.sessionId }),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201).map((a) => a.body.code)).toEqual(
      Array(COPIES - 1).fill('ENROLMENT_DUPLICATE'),
    );
    expect(
      await count(`SELECT count(*)::int AS n FROM enrolments WHERE learner_user_id = $1`, [learner.id]),
    ).toBe(1);
    expect(
      await count(`SELECT enrolled_count AS n FROM course_sessions WHERE id = $1`, [course.sessionId]),
    ).toBe(before + 1);
  });

  it('saves progress once and completes the course once: one record, one certificate, one PDF job', async () => {
    const learner = await makeActor(t, undefined, undefined, { birthDate: '1985-06-01' });
    const enrolled = await t.http
      .post('/api/enrolments')
      .auth(learner.token, bearer)
      .send({ sessionId: course.sessionId });
    expect(enrolled.status).toBe(201);
    const [text, quiz] = course.lessonIds;
    await t.http
      .put(`/api/me/lessons/${text}/progress`)
      .auth(learner.token, bearer)
      .send({ completed: true });
    // The quiz passed, sent eight times at once: the last required lesson, so each copy may try to complete.
    const answers = await times(() =>
      t.http
        .post(`/api/me/lessons/${quiz}/quiz-attempts`)
        .auth(learner.token, bearer)
        .send({ answers: [[0], [2, 0]] }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(COPIES).fill(201));
    expect(answers.every((a) => a.body.passed === true)).toBe(true);
    expect(answers.filter((a) => a.body.courseCompleted === true)).toHaveLength(1);
    const sameLesson = await times(() =>
      t.http.put(`/api/me/lessons/${text}/progress`).auth(learner.token, bearer).send({ completed: true }),
    );
    expect(sameLesson.map((a) => a.status)).toEqual(Array(COPIES).fill(200));
    const id = [learner.id];
    expect(await count(`SELECT count(*)::int AS n FROM lesson_progress WHERE learner_user_id = $1`, id)).toBe(
      2,
    );
    expect(
      await count(`SELECT count(*)::int AS n FROM learning_records WHERE learner_user_id = $1`, id),
    ).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM certificates WHERE learner_user_id = $1`, id)).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'enrolment.completed' AND entity_id = $1`,
        [enrolled.body.id],
      ),
    ).toBe(1);
    await waitFor(async () =>
      (await count(
        `SELECT count(*)::int AS n FROM certificates WHERE learner_user_id = $1 AND pdf IS NOT NULL`,
        id,
      )) === 1
        ? true
        : undefined,
    );
    expect(
      await count(
        `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'certificate_ready'`,
        id,
      ),
    ).toBe(1);
  });

  it('completes the course once when its last two lessons are finished at the same moment', async () => {
    const [text, quiz] = course.lessonIds;
    const learners = await Promise.all(
      Array.from({ length: 6 }, () => makeActor(t, undefined, undefined, { birthDate: '1985-06-01' })),
    );
    for (const learner of learners) {
      await t.http.post('/api/enrolments').auth(learner.token, bearer).send({ sessionId: course.sessionId });
    }
    await Promise.all(
      learners.flatMap((learner) => [
        t.http.put(`/api/me/lessons/${text}/progress`).auth(learner.token, bearer).send({ completed: true }),
        t.http
          .post(`/api/me/lessons/${quiz}/quiz-attempts`)
          .auth(learner.token, bearer)
          .send({ answers: [[0], [2, 0]] }),
      ]),
    );
    replayed += learners.length * 2;
    const records: Array<{ learner_user_id: string; n: number }> = await t.db.query(
      `SELECT learner_user_id, count(*)::int AS n FROM learning_records WHERE learner_user_id = ANY($1)
        GROUP BY learner_user_id`,
      [learners.map((l) => l.id)],
    );
    expect(records.map((r) => r.n)).toEqual(learners.map(() => 1));
  });

  it('records attendance once for the same roster sent again, and a roster uploaded twice enrols each learner once', async () => {
    await t.db.query(`UPDATE course_sessions SET starts_at = now() - interval '2 days' WHERE id = $1`, [
      course.sessionId,
    ]);
    const a = await makeActor(t, undefined, undefined, { birthDate: '1985-06-01' });
    const b = await makeActor(t, undefined, undefined, { birthDate: '1986-06-01' });
    const csv = `mobile,name\n${a.mobile},甲\n${b.mobile},乙\n`;
    const uploads = await Promise.all(
      [1, 2].map(() =>
        t.http
          .post(`/api/sessions/${course.sessionId}/roster-imports`)
          .auth(staff.token, bearer)
          .send({ csv }),
      ),
    );
    replayed += 2;
    expect(uploads.map((u) => u.status)).toEqual([202, 202]);
    const finished = await waitFor(async () => {
      const states = await Promise.all(
        uploads.map((u) => t.http.get(`/api/roster-imports/${u.body.id}`).auth(staff.token, bearer)),
      );
      return states.every((s) => s.body.status === 'done') ? states.map((s) => s.body) : undefined;
    });
    expect(finished.reduce((n, s) => n + (s.enrolled as number), 0)).toBe(2);
    expect(finished.reduce((n, s) => n + (s.rejected as number), 0)).toBe(2);
    const enrolments: Array<{ id: string }> = await t.db.query(
      `SELECT id FROM enrolments WHERE session_id = $1 AND learner_user_id = ANY($2)`,
      [course.sessionId, [a.id, b.id]],
    );
    expect(enrolments).toHaveLength(2);

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const body = { date: today, presentEnrolmentIds: enrolments.map((e) => e.id) };
    const answers = await times(() =>
      t.http.put(`/api/sessions/${course.sessionId}/attendance`).auth(staff.token, bearer).send(body),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(COPIES).fill(200));
    expect(
      await count(`SELECT count(*)::int AS n FROM attendance WHERE enrolment_id = ANY($1)`, [
        enrolments.map((e) => e.id),
      ]),
    ).toBe(2);
  });
});
