import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordService } from '../auth/password.service.js';
import { seedDemoData } from '../seed/demo-seed.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemoData(t.db, new PasswordService());
  // The whole demo county is loaded (its residents and their history too), which takes a while on a busy machine.
}, 600_000);
afterAll(() => t?.close());

// Query → the course that must come first in the demo catalogue.
const EXPECTED: Array<[string, string]> = [
  ['电工', '初级电工技能实训'],
  ['智能手机', '老年人智能手机应用'],
  ['书法', '书法入门（楷书）'],
  ['养老护理', '养老护理员（五级）'],
  ['电子商务', '电子商务运营实务'],
  ['太极', '二十四式太极拳'],
  ['茶叶', '茶叶种植与加工'],
  ['急救', '急救知识与心肺复苏'],
  ['微信', '微信与移动支付'],
  ['中医', '中医养生与四季调理'],
  ['摄影', '摄影入门与手机摄影'],
  ['焊工', '焊工（焊条电弧焊）'],
  ['家庭教育', '家庭教育指导（家长学校）'],
  ['农业机械', '农业机械操作与维修'],
  ['网络诈骗', '防范电信网络诈骗'],
  ['心肺复苏', '急救知识与心肺复苏'],
  ['smartphone', '老年人智能手机应用'],
  ['smartph', '老年人智能手机应用'],
  ['Electrician', '初级电工技能实训'],
];

describe('catalogue search on the demo catalogue', () => {
  it.each(EXPECTED)('%j finds %s first', async (q, title) => {
    const res = await t.http.get('/api/catalogue/courses').query({ q, pageSize: 5 });
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.items[0].title).toBe(title);
  });

  it('finds nothing for words no course has, with a total of 0', async () => {
    const res = await t.http.get('/api/catalogue/courses').query({ q: '潜水艇驾驶' });
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });

  it('orders a listing without words by the soonest current or coming session', async () => {
    const res = await t.http.get('/api/catalogue/courses').query({ pageSize: 50 });
    const starts = res.body.items.map(
      (i: { nextSession: { startsAt: string } | null }) => i.nextSession?.startsAt ?? '9999',
    );
    expect(starts).toEqual([...starts].sort());
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM courses c JOIN providers p ON p.id = c.provider_id
        WHERE c.status = 'published' AND p.status = 'approved'`,
    );
    expect(res.body.total).toBe(n);
    expect(n).toBeGreaterThanOrEqual(50);
  });

  it('filters by category, mode, township, age 60+, start window, provider and free places, with consistent totals', async () => {
    const all = await t.http.get('/api/catalogue/courses').query({ pageSize: 100 });
    const elderly = await t.http.get('/api/catalogue/courses').query({ forElderly: 'true', pageSize: 100 });
    expect(elderly.body.total).toBeLessThan(all.body.total);
    expect(
      elderly.body.items.every(
        (c: { maxAge: number | null; minAge: number | null }) =>
          (c.maxAge ?? 200) >= 60 && (c.minAge ?? 0) <= 60,
      ),
    ).toBe(true);

    const online = await t.http
      .get('/api/catalogue/courses')
      .query({ mode: 'online', category: 'digital_skills', pageSize: 100 });
    expect(online.body.items.length).toBeGreaterThan(0);
    expect(
      online.body.items.every(
        (c: { mode: string; category: string }) => c.mode === 'online' && c.category === 'digital_skills',
      ),
    ).toBe(true);

    const township = '339901102000';
    const inTownship = await t.http
      .get('/api/catalogue/courses')
      .query({ townshipCode: township, pageSize: 100 });
    expect(inTownship.body.total).toBeGreaterThan(0);
    const [{ n }] = await t.db.query(
      `SELECT count(DISTINCT c.id)::int AS n FROM courses c JOIN course_sessions s ON s.course_id = c.id
        WHERE c.status = 'published' AND s.township_code = $1 AND s.ends_at > now()`,
      [township],
    );
    expect(inTownship.body.total).toBe(n);

    const soon = await t.http.get('/api/catalogue/courses').query({ startsWithinDays: 7, pageSize: 100 });
    const later = await t.http.get('/api/catalogue/courses').query({ startsWithinDays: 90, pageSize: 100 });
    expect(soon.body.total).toBeLessThan(later.body.total);

    const seats = await t.http.get('/api/catalogue/courses').query({ hasSeats: 'true', pageSize: 100 });
    expect(seats.body.items.every((c: { seatsLeft: number }) => c.seatsLeft > 0)).toBe(true);

    const provider = all.body.items[0].provider.id;
    const byProvider = await t.http
      .get('/api/catalogue/courses')
      .query({ providerId: provider, pageSize: 100 });
    expect(byProvider.body.items.every((c: { provider: { id: string } }) => c.provider.id === provider)).toBe(
      true,
    );
  });

  it('pages through results with a stable total and rejects bad filters with 400', async () => {
    const first = await t.http.get('/api/catalogue/courses').query({ q: '入门', pageSize: 5, page: 1 });
    const second = await t.http.get('/api/catalogue/courses').query({ q: '入门', pageSize: 5, page: 2 });
    expect(second.body.total).toBe(first.body.total);
    const ids = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const beyond = await t.http.get('/api/catalogue/courses').query({ q: '入门', pageSize: 5, page: 999 });
    expect(beyond.body).toMatchObject({ items: [], total: first.body.total });
    for (const bad of [
      { pageSize: 0 },
      { pageSize: 101 },
      { mode: 'teleport' },
      { startsWithinDays: -1 },
      { forElderly: 'perhaps' },
      { unknown: 1 },
    ]) {
      const res = await t.http.get('/api/catalogue/courses').query(bad);
      expect([JSON.stringify(bad), res.status, res.body.code]).toEqual([
        JSON.stringify(bad),
        400,
        'VALIDATION_FAILED',
      ]);
    }
  });
});

/** One course, many sessions (issue 24): what a resident sees is the course once, with where and when it runs next. */
describe('a catalogue of courses, not of intakes', () => {
  const HOME = '339901102000'; // the township the near-me checks use (溪口镇 in the demo)
  const intake = /（[^（）]*(期|班|批|专场|课堂|教学点)[^（）]*）$/;

  it('has no two published courses of a provider with the same title once an intake suffix is taken off', async () => {
    const rows: Array<{ provider_id: string; title: string }> = await t.db.query(
      `SELECT provider_id, title FROM courses WHERE status = 'published'`,
    );
    const seen = new Set<string>();
    for (const r of rows) {
      expect(r.title).not.toMatch(intake);
      const key = `${r.provider_id}:${r.title.replace(intake, '')}`;
      expect(seen.has(key), r.title).toBe(false);
      seen.add(key);
    }
    // Courses taught around the county have their sessions in several townships.
    const [{ spread }] = await t.db.query(
      `SELECT count(*)::int AS spread FROM (
         SELECT course_id FROM course_sessions WHERE label <> '往期班' AND township_code IS NOT NULL
          GROUP BY course_id HAVING count(DISTINCT township_code) >= 3) x`,
    );
    expect(spread).toBeGreaterThanOrEqual(rows.length / 3);
  });

  it.each(['', '入门', '老年', '手机', 'shouji'])(
    'shows each course once on the first page of %j, with its next sessions in order',
    async (q) => {
      const res = await t.http.get('/api/catalogue/courses').query({ q, pageSize: 20 });
      expect(res.status).toBe(200);
      const items = res.body.items as Array<{
        id: string;
        title: string;
        upcomingSessions: number;
        nextSession: { id: string } | null;
        nextSessions: Array<{ id: string; startsAt: string; townshipCode: string | null }>;
      }>;
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
      expect(new Set(items.map((i) => i.title)).size).toBe(items.length);
      for (const item of items) {
        // The same list worked out from the table: current and coming sessions by start, at most three.
        const expected: Array<{ id: string }> = await t.db.query(
          `SELECT id FROM course_sessions WHERE course_id = $1 AND ends_at > now() AND cancelled_at IS NULL
            ORDER BY starts_at, id`,
          [item.id],
        );
        expect(item.upcomingSessions).toBe(expected.length);
        expect(item.nextSessions.map((s) => s.id)).toEqual(expected.slice(0, 3).map((s) => s.id));
        expect(item.nextSession?.id ?? null).toBe(expected[0]?.id ?? null);
      }
    },
  );

  it("lists the resident's own township's sessions first, then the others by start", async () => {
    const res = await t.http
      .get('/api/catalogue/courses')
      .query({ q: '太极', nearTownshipCode: HOME, pageSize: 5 });
    const [first] = res.body.items as Array<{
      id: string;
      nextSessions: Array<{ id: string; townshipCode: string | null; startsAt: string }>;
    }>;
    const rows: Array<{ id: string; township_code: string | null }> = await t.db.query(
      `SELECT id, township_code FROM course_sessions WHERE course_id = $1 AND ends_at > now() AND cancelled_at IS NULL
        ORDER BY starts_at, id`,
      [first.id],
    );
    const own = rows.filter((r) => r.township_code === HOME);
    const expected = [...own, ...rows.filter((r) => r.township_code !== HOME)].slice(0, 3);
    expect(first.nextSessions.map((s) => s.id)).toEqual(expected.map((r) => r.id));
    expect(first.nextSessions.length).toBe(Math.min(3, rows.length));
  });

  it('lists all of a course’s sessions, in several places, on its page', async () => {
    const search = await t.http.get('/api/catalogue/courses').query({ q: '书法', pageSize: 1 });
    const id = search.body.items[0].id as string;
    const page = await t.http.get(`/api/catalogue/courses/${id}`).expect(200);
    const sessions = page.body.sessions as Array<{ id: string; townshipName: string | null }>;
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM course_sessions WHERE course_id = $1 AND ends_at > now() AND cancelled_at IS NULL`,
      [id],
    );
    expect(sessions.length).toBeGreaterThanOrEqual(Math.min(n, 2));
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sessions.map((s) => s.townshipName)).size).toBeGreaterThanOrEqual(2);
    expect(search.body.items[0].upcomingSessions).toBe(n);
  });
});
