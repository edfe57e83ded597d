import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody } from '../testing/builders.js';
import { type Actor, buildCourse, makeActor, makeProvider } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Length limits count characters a person sees (common/graphemes.ts), end to end: through the request policy's
 * normalisation, the DTO, the service and the database, with clusters of several code points each.
 */
const FAMILY = '👨‍👩‍👧'; // 5 code points
const KISS = '👩🏻‍❤️‍💋‍👨🏼'; // 10 code points
const FLAG = '🇨🇳'; // 2 code points
const VIETNAMESE = 'ệ'; // NFC: one code point; NFD would be e + two combining marks

let t: TestApp;
let admin: Actor;
let staff: Actor;
let courseId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeActor(t, Role.BureauAdmin);
  const providerId = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderAdmin, providerId);
  courseId = (await buildCourse(t, staff, providerId)).courseId;
});
afterAll(async () => {
  await t.close();
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [{ n }] = await t.db.query<Array<{ n: number }>>(sql, params);
  return n;
}

describe('a name limited to 50 characters', () => {
  it('takes 50 emoji families (250 code points, 400 UTF-16 units) and stores them as sent', async () => {
    const name = FAMILY.repeat(50);
    const res = await t.http.post('/api/auth/register').send(registerBody({ name }));
    expect(res.status).toBe(201);
    const [row] = await t.db.query(`SELECT name FROM users WHERE id = $1`, [res.body.user.id]);
    expect(row.name).toBe(name);
  });

  it('takes 50 of the longest emoji sequences (500 code points)', async () => {
    const res = await t.http.post('/api/auth/register').send(registerBody({ name: KISS.repeat(50) }));
    expect(res.status).toBe(201);
  });

  it('refuses 51 with a coded 400 naming the field, and registers nobody', async () => {
    const users = await count(`SELECT count(*)::int AS n FROM users`);
    for (const name of [FAMILY.repeat(51), `${FLAG.repeat(25)}${VIETNAMESE.repeat(26)}`, '王'.repeat(51)]) {
      const res = await t.http.post('/api/auth/register').send(registerBody({ name }));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(res.body.fields).toContainEqual(expect.objectContaining({ field: 'name', code: 'isLength' }));
    }
    expect(await count(`SELECT count(*)::int AS n FROM users`)).toBe(users);
  });

  it('counts a letter typed in decomposed form once (stored NFC), so 50 such letters fit', async () => {
    const decomposed = VIETNAMESE.normalize('NFD');
    expect(decomposed.length).toBe(3);
    const reg = await t.http.post('/api/auth/register').send(registerBody());
    const res = await t.http
      .patch('/api/me')
      .auth(reg.body.accessToken, { type: 'bearer' })
      .send({ name: decomposed.repeat(50) });
    expect(res.status).toBe(200);
    const [row] = await t.db.query(`SELECT name FROM users WHERE id = $1`, [reg.body.user.id]);
    expect(row.name).toBe(VIETNAMESE.repeat(50));
  });
});

describe('other free-text fields', () => {
  it('takes a course title of 100 flags and refuses 101, with no 500', async () => {
    const ok = await t.http
      .patch(`/api/courses/${courseId}`)
      .auth(staff.token, { type: 'bearer' })
      .send({ title: FLAG.repeat(100) });
    expect(ok.status).toBe(200);
    const [row] = await t.db.query(`SELECT title FROM courses WHERE id = $1`, [courseId]);
    expect(row.title).toBe(FLAG.repeat(100));
    const tooLong = await t.http
      .patch(`/api/courses/${courseId}`)
      .auth(staff.token, { type: 'bearer' })
      .send({ title: FLAG.repeat(101) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields).toContainEqual(expect.objectContaining({ field: 'title', code: 'isLength' }));
    const [after] = await t.db.query(`SELECT title FROM courses WHERE id = $1`, [courseId]);
    expect(after.title).toBe(FLAG.repeat(100));
  });

  it('keeps a search word within its column, which counts code points (CHECK char_length ≤ 40): 400, never 500', async () => {
    const post = (term: string) =>
      t.http
        .post('/api/search-synonyms')
        .auth(admin.token, { type: 'bearer' })
        .send({ term, synonyms: ['电工'], twoWay: false });
    // 40 characters of one code point each, and 20 flags (40 code points): both fit the column.
    expect((await post('修'.repeat(40))).status).toBe(201);
    expect((await post(FLAG.repeat(20))).status).toBe(201);
    // 21 flags are 21 characters but 42 code points, 11 Devanagari syllables क्षि at most 22 characters but 44 code
    // points: refused before the database could (search words are stored without joiners, so families would fit).
    const rows = await count(`SELECT count(*)::int AS n FROM search_synonyms`);
    for (const term of ['क्षि'.repeat(11), FLAG.repeat(21), '修'.repeat(41)]) {
      const res = await post(term);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await count(`SELECT count(*)::int AS n FROM search_synonyms`)).toBe(rows);
  });
});
