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

// Query → the course family that must come first in the demo catalogue (titles carry a class suffix in brackets).
const EXPECTED: Array<[string, string]> = [
  ['电工', '初级电工技能实训'],
  ['智能手机', '老年人智能手机应用'],
  ['书法', '书法入门'],
  ['养老护理', '养老护理员'],
  ['电子商务', '电子商务运营实务'],
  ['太极', '二十四式太极拳'],
  ['茶叶', '茶叶种植与加工'],
  ['急救', '急救知识与心肺复苏'],
  ['微信', '微信与移动支付'],
  ['中医', '中医养生与四季调理'],
  ['摄影', '摄影入门与手机摄影'],
  ['焊工', '焊工'],
  ['家庭教育', '家庭教育指导'],
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
    expect(res.body.items[0].title.replace(/（.*）$/, '')).toBe(title);
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
    expect(res.body.total).toBeGreaterThan(250);
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
