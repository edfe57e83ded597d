import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWNSHIP_A, TOWNSHIP_B } from '../../testing/builders.js';
import { generateCatalogue } from '../../testing/catalogue-generator.js';
import { type Actor, makeActor, makeProvider } from '../../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
const bearer = { type: 'bearer' } as const;

beforeAll(async () => {
  t = await startTestApp();
  await generateCatalogue(t.db, 300);
});
afterAll(() => t?.close());

describe('a search with no result suggests instead', () => {
  it('offers every category with its count, coming classes in the township, and popular courses', async () => {
    const empty = await t.http.get('/api/catalogue/courses').query({ q: '学开挖掘机' });
    expect(empty.body.total).toBe(0);
    const res = await t.http.get('/api/catalogue/suggestions').query({ townshipCode: TOWNSHIP_B });
    expect(res.status).toBe(200);
    const counted = await t.db.query(
      `SELECT category, count(*)::int AS courses FROM courses WHERE status = 'published' GROUP BY category`,
    );
    expect(
      new Map(res.body.categories.map((c: { category: string; courses: number }) => [c.category, c.courses])),
    ).toEqual(new Map(counted.map((c: { category: string; courses: number }) => [c.category, c.courses])));
    expect(res.body.nearby).toHaveLength(5);
    for (const c of res.body.nearby) {
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM course_sessions WHERE course_id = $1 AND township_code = $2 AND ends_at > now()`,
        [c.id, TOWNSHIP_B],
      );
      expect(n).toBeGreaterThan(0);
    }
    const starts = res.body.nearby.map((c: { nextStartsAt: string }) => c.nextStartsAt);
    expect(starts).toEqual([...starts].sort());
    expect(res.body.popular.length).toBeGreaterThan(0);
    const anywhere = await t.http.get('/api/catalogue/suggestions');
    expect(anywhere.body.nearby).toEqual([]);
    const bad = await t.http.get('/api/catalogue/suggestions').query({ townshipCode: '12' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('“I want to learn …”', () => {
  let resident: Actor;
  beforeAll(async () => {
    resident = await makeActor(t);
  });

  it('keeps one wish per wording with its subject words, audited; a second time moves it to the new township', async () => {
    const anonymous = await t.http
      .post('/api/me/course-requests')
      .send({ text: '学开挖掘机', townshipCode: TOWNSHIP_A });
    expect(anonymous.status).toBe(401);
    const first = await t.http
      .post('/api/me/course-requests')
      .auth(resident.token, bearer)
      .send({ text: '我想学开\u200b挖掘机', townshipCode: TOWNSHIP_A });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ text: '我想学开挖掘机', words: ['挖掘机'], townshipCode: TOWNSHIP_A });
    const again = await t.http
      .post('/api/me/course-requests')
      .auth(resident.token, bearer)
      .send({ text: '我想学开挖掘机', townshipCode: TOWNSHIP_B });
    expect(again.body).toMatchObject({ id: first.body.id, townshipCode: TOWNSHIP_B });
    const rows = await t.db.query(`SELECT township_code FROM course_requests WHERE user_id = $1`, [
      resident.id,
    ]);
    expect(rows).toEqual([{ township_code: TOWNSHIP_B }]);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'course_request.saved' AND actor_user_id = $1`,
      [resident.id],
    );
    expect(n).toBe(2);
  });

  it('rejects an unknown township, an empty or overlong wish with a coded 4xx', async () => {
    const unknown = await t.http
      .post('/api/me/course-requests')
      .auth(resident.token, bearer)
      .send({ text: '钢琴', townshipCode: '339999999000' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'TOWNSHIP_UNKNOWN']);
    for (const text of ['', '\u200b ', 'x'.repeat(101)]) {
      const res = await t.http
        .post('/api/me/course-requests')
        .auth(resident.token, bearer)
        .send({ text, townshipCode: TOWNSHIP_A });
      expect([JSON.stringify(text), res.status, res.body.code]).toEqual([
        JSON.stringify(text),
        400,
        'VALIDATION_FAILED',
      ]);
    }
  });

  it('shows the bureau and providers distinct residents per township and word, hiding cells under 5 and the totals they would reveal', async () => {
    const ask = async (who: Actor, text: string, township: string) =>
      expect(
        (
          await t.http
            .post('/api/me/course-requests')
            .auth(who.token, bearer)
            .send({ text, townshipCode: township })
        ).status,
      ).toBe(201);
    const people = await Promise.all(Array.from({ length: 9 }, () => makeActor(t)));
    // 钢琴: 6 in A (one of them twice, in two wordings) and 3 in B. 滑雪: 5 in A only.
    for (const p of people.slice(0, 6)) await ask(p, '学钢琴', TOWNSHIP_A);
    await ask(people[0], '钢琴入门课', TOWNSHIP_A);
    for (const p of people.slice(6)) await ask(p, '钢琴', TOWNSHIP_B);
    for (const p of people.slice(0, 5)) await ask(p, '滑雪', TOWNSHIP_A);

    const provider = await makeProvider(t);
    const staff = await makeActor(t, Role.ProviderStaff, provider);
    const analyst = await makeActor(t, Role.BureauAnalyst);
    for (const who of [staff, analyst]) {
      const res = await t.http.get('/api/course-requests/summary').auth(who.token, bearer);
      expect(res.status).toBe(200);
      const cells = res.body.byTownship.map((c: { townshipCode: string; word: string; people: number }) => [
        c.townshipCode,
        c.word,
        c.people,
      ]);
      expect(cells).toEqual(
        expect.arrayContaining([
          [TOWNSHIP_A, '钢琴', 6],
          [TOWNSHIP_A, '滑雪', 5],
        ]),
      );
      expect(cells.some(([code]: [string]) => code === TOWNSHIP_B)).toBe(false);
      // 钢琴's county total (9) minus A's 6 would reveal B's 3, so it is hidden; 滑雪's is shown.
      expect(res.body.byWord).toEqual([{ word: '滑雪', people: 5 }]);
      expect(res.body.threshold).toBe(5);
      // Computed a second way: every published figure comes from at least 5 distinct people in the table.
      for (const c of res.body.byTownship) {
        const [{ n }] = await t.db.query(
          `SELECT count(DISTINCT user_id)::int AS n FROM course_requests WHERE township_code = $1 AND $2 = ANY(words)`,
          [c.townshipCode, c.word],
        );
        expect([c.word, n]).toEqual([c.word, c.people]);
        expect(n).toBeGreaterThanOrEqual(5);
      }
    }
    const learner = await t.http.get('/api/course-requests/summary').auth(people[0].token, bearer);
    expect(learner.status).toBe(403);
  });
});
