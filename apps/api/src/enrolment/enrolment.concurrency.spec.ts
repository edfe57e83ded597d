import { JwtService } from '@nestjs/jwt';
import { Role } from '@cll/domain';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, makeActor, makeProvider, sessionBody } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const LEARNERS = 200;
const CAPACITY = 30;
const ROUNDS = 20;

let t: TestApp;
let baseUrl: string;
let courseId: string;
let staffToken: string;
let tokens: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ DATABASE_POOL_SIZE: '24' });
  await t.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const provider = await makeProvider(t);
  const staff = await makeActor(t, Role.ProviderAdmin, provider);
  staffToken = staff.token;
  courseId = (await buildCourse(t, staff, provider)).courseId;
  // 200 learners made in SQL, each with a live session; tokens signed the way the API signs them.
  const rows: Array<{ user_id: string; session_id: string }> = await t.db.query(
    `WITH u AS (
       INSERT INTO users (name, mobile, password_hash)
       SELECT '学员' || i, '150' || lpad(i::text, 8, '0'), 'not-used' FROM generate_series(1, $1::int) AS i RETURNING id),
     p AS (INSERT INTO learner_profiles (user_id, birth_date, sex, township_code, village_code, attainment, employment_status)
           SELECT id, '1980-01-01', 'female', '330799101000', '330799101201', 'primary', 'retired' FROM u RETURNING user_id),
     r AS (INSERT INTO role_assignments (user_id, role) SELECT user_id, 'learner' FROM p RETURNING user_id)
     INSERT INTO auth_sessions (user_id) SELECT user_id FROM r RETURNING user_id, id AS session_id`,
    [LEARNERS],
  );
  const jwt = t.app.get(JwtService);
  tokens = rows.map((r) =>
    jwt.sign(
      { sub: r.user_id, sid: r.session_id },
      { secret: t.config.jwtSecret, expiresIn: 3600, algorithm: 'HS256' },
    ),
  );
}, 120_000);
afterAll(() => t?.close());

async function newSession(): Promise<string> {
  const res = await t.http
    .post(`/api/courses/${courseId}/sessions`)
    .auth(staffToken, { type: 'bearer' })
    .send(sessionBody({ capacity: CAPACITY }));
  return res.body.id as string;
}

const enrol = (token: string, sessionId: string) =>
  fetch(`${baseUrl}/api/enrolments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId }),
  }).then(async (res) => ({
    status: res.status,
    body: (await res.json()) as { id: string; status: string; waitlistPosition: number | null },
  }));

describe(`${LEARNERS} learners enrolling at once in a ${CAPACITY}-seat session`, () => {
  it(`never exceeds capacity and serves the waitlist in order, ${ROUNDS} times`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const sessionId = await newSession();
      const results = await Promise.all(tokens.map((token) => enrol(token, sessionId)));
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      expect(results.filter((r) => r.status !== 201)).toEqual([]);
      expect(results.filter((r) => r.body.status === 'enrolled')).toHaveLength(CAPACITY);
      expect(results.filter((r) => r.body.status === 'waitlisted')).toHaveLength(LEARNERS - CAPACITY);

      const rows: Array<{ status: string; n: number }> = await t.db.query(
        `SELECT status, count(*)::int AS n FROM enrolments WHERE session_id = $1 GROUP BY status ORDER BY status`,
        [sessionId],
      );
      expect(rows).toEqual([
        { status: 'enrolled', n: CAPACITY },
        { status: 'waitlisted', n: LEARNERS - CAPACITY },
      ]);
      const [session] = await t.db.query(`SELECT enrolled_count FROM course_sessions WHERE id = $1`, [
        sessionId,
      ]);
      expect(session.enrolled_count).toBe(CAPACITY);
      // Everyone with a seat arrived before everyone on the waitlist, and positions are 1..170 in arrival order.
      const order: Array<{ status: string }> = await t.db.query(
        `SELECT status FROM enrolments WHERE session_id = $1 ORDER BY queue_number`,
        [sessionId],
      );
      expect(order.map((o) => o.status)).toEqual([
        ...Array<string>(CAPACITY).fill('enrolled'),
        ...Array<string>(LEARNERS - CAPACITY).fill('waitlisted'),
      ]);
      const positions = results
        .filter((r) => r.body.status === 'waitlisted')
        .map((r) => r.body.waitlistPosition as number);
      expect([...positions].sort((a, b) => a - b)).toEqual(
        Array.from({ length: LEARNERS - CAPACITY }, (_, i) => i + 1),
      );
    }
  }, 300_000);

  it('gives a withdrawn seat to exactly the first learner on the waitlist', async () => {
    const sessionId = await newSession();
    const results = await Promise.all(tokens.map((token) => enrol(token, sessionId)));
    const enrolledIndex = results.findIndex((r) => r.body.status === 'enrolled');
    const firstWaiting = results.findIndex((r) => r.body.waitlistPosition === 1);
    const secondWaiting = results.findIndex((r) => r.body.waitlistPosition === 2);

    const withdrawn = await fetch(`${baseUrl}/api/enrolments/${results[enrolledIndex].body.id}/withdraw`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[enrolledIndex]}` },
    });
    expect(withdrawn.status).toBe(200);
    const mine = async (index: number) =>
      (
        (await (
          await fetch(`${baseUrl}/api/me/enrolments`, {
            headers: { authorization: `Bearer ${tokens[index]}` },
          })
        ).json()) as Array<{
          status: string;
          waitlistPosition: number | null;
        }>
      )[0];
    expect(await mine(firstWaiting)).toMatchObject({ status: 'enrolled', waitlistPosition: null });
    expect(await mine(secondWaiting)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await mine(enrolledIndex)).toMatchObject({ status: 'withdrawn' });
    const [counts] = await t.db.query(
      `SELECT count(*) FILTER (WHERE status = 'enrolled')::int AS enrolled, s.enrolled_count
         FROM enrolments e JOIN course_sessions s ON s.id = e.session_id WHERE e.session_id = $1 GROUP BY s.enrolled_count`,
      [sessionId],
    );
    expect(counts).toEqual({ enrolled: CAPACITY, enrolled_count: CAPACITY });
    const notes = await fetch(`${baseUrl}/api/me/notifications`, {
      headers: { authorization: `Bearer ${tokens[firstWaiting]}` },
    });
    expect(((await notes.json()) as { items: Array<{ kind: string }> }).items.map((n) => n.kind)).toContain(
      'promoted',
    );
  }, 120_000);
});
