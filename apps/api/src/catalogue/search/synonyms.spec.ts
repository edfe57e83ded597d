import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../testing/catalogue-generator.js';
import { generateRelevanceCatalogue } from '../../testing/relevance-catalogue.js';
import { type Actor, buildCourse, makeActor, makeProvider } from '../../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: Actor;
let analyst: Actor;
let learner: Actor;

const search = (q: string) => t.http.get('/api/catalogue/courses').query({ q, pageSize: 5 });
const titles = (body: { items: Array<{ title: string }> }) => body.items.map((i) => i.title);

beforeAll(async () => {
  t = await startTestApp();
  await generateCatalogue(t.db, 240);
  await generateRelevanceCatalogue(t.db);
  [admin, analyst, learner] = await Promise.all([
    makeActor(t, Role.BureauAdmin),
    makeActor(t, Role.BureauAnalyst),
    makeActor(t),
  ]);
});
afterAll(() => t?.close());

describe('the bureau’s synonym table', () => {
  it('starts with the seeded everyday words and lets analysts read but not write', async () => {
    const list = await t.http.get('/api/search-synonyms').auth(analyst.token, { type: 'bearer' });
    expect(list.status).toBe(200);
    const dianshang = list.body.find((s: { term: string }) => s.term === '电商');
    expect(dianshang).toMatchObject({ synonyms: ['电子商务'], twoWay: true });
    const write = await t.http
      .post('/api/search-synonyms')
      .auth(analyst.token, { type: 'bearer' })
      .send({ term: '网课', synonyms: ['在线'], twoWay: false });
    expect(write.status).toBe(403);
    const learnerRead = await t.http.get('/api/search-synonyms').auth(learner.token, { type: 'bearer' });
    expect(learnerRead.status).toBe(403);
  });

  it('a new row changes search at once: a word no course has now finds the catalogue word', async () => {
    expect((await search('学打拳')).body.total).toBe(0);
    const created = await t.http
      .post('/api/search-synonyms')
      .auth(admin.token, { type: 'bearer' })
      .send({ term: '打拳', synonyms: ['太极拳', ' 太极拳 '], twoWay: false, note: '老人常说' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ term: '打拳', synonyms: ['太极拳'], twoWay: false });
    const found = await search('学打拳');
    expect(titles(found.body)[0]).toContain('太极拳');
    // One-way: the catalogue word does not drag in the everyday one (nothing to see, but the plan stays narrow).
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'search_synonym.created' AND entity_id = $1`,
      [created.body.id],
    );
    expect(n).toBe(1);

    const edited = await t.http
      .put(`/api/search-synonyms/${created.body.id}`)
      .auth(admin.token, { type: 'bearer' })
      .send({ term: '打拳', synonyms: ['八段锦'], twoWay: false });
    expect(edited.status).toBe(200);
    expect(titles((await search('学打拳')).body)[0]).toContain('八段锦');

    const removed = await t.http
      .delete(`/api/search-synonyms/${created.body.id}`)
      .auth(admin.token, { type: 'bearer' });
    expect(removed.status).toBe(204);
    expect((await search('学打拳')).body.total).toBe(0);
  });

  it('stores terms in normal form, so a full-width or zero-width spelling is the same row', async () => {
    const a = await t.http
      .post('/api/search-synonyms')
      .auth(admin.token, { type: 'bearer' })
      .send({ term: 'ＰＳ', synonyms: ['修图'], twoWay: true });
    expect(a.status).toBe(201);
    expect(a.body.term).toBe('ps');
    const b = await t.http
      .post('/api/search-synonyms')
      .auth(admin.token, { type: 'bearer' })
      .send({ term: 'p\u200bs', synonyms: ['图片'], twoWay: true });
    expect([b.status, b.body.code]).toEqual([409, 'SYNONYM_EXISTS']);
  });

  it('answers two admins adding the same term at once with one row and one 409', async () => {
    const send = () =>
      t.http
        .post('/api/search-synonyms')
        .auth(admin.token, { type: 'bearer' })
        .send({ term: '织毛衣', synonyms: ['编织'], twoWay: false });
    const results = await Promise.all([send(), send()]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM search_synonyms WHERE term = '织毛衣'`);
    expect(n).toBe(1);
  });

  it('rejects bad rows with a coded 400 and unknown ids with 404', async () => {
    for (const bad of [
      { term: '', synonyms: ['x'], twoWay: true },
      { term: '电脑', synonyms: [], twoWay: true },
      { term: '新电脑', synonyms: ['新电脑'], twoWay: true },
      { term: 'x'.repeat(41), synonyms: ['y'], twoWay: true },
      { term: '电脑', synonyms: ['计算机'] },
    ]) {
      const res = await t.http.post('/api/search-synonyms').auth(admin.token, { type: 'bearer' }).send(bad);
      expect([JSON.stringify(bad), res.status, res.body.code]).toEqual([
        JSON.stringify(bad),
        400,
        'VALIDATION_FAILED',
      ]);
    }
    const missing = await t.http
      .put('/api/search-synonyms/00000000-0000-4000-8000-000000000000')
      .auth(admin.token, { type: 'bearer' })
      .send({ term: '新词', synonyms: ['旧词'], twoWay: true });
    expect(missing.status).toBe(404);
    const gone = await t.http
      .delete('/api/search-synonyms/00000000-0000-4000-8000-000000000000')
      .auth(admin.token, { type: 'bearer' });
    expect(gone.status).toBe(404);
  });
});

describe('partial matches', () => {
  it('a phrase with one word no course has still finds the courses with the others, fullest match first', async () => {
    const res = await search('书法入门潜水');
    expect(res.body.total).toBeGreaterThan(0);
    expect(titles(res.body)[0]).toContain('书法入门');
    // Computed a second way: every course whose title has 书法, and none without it or 入门 in the title.
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM courses WHERE status = 'published' AND (title LIKE '%书法%' OR title LIKE '%入门%')`,
    );
    expect(res.body.total).toBe(n);
  });

  it('a word only one description mentions does not make a match for a phrase whose other words fail', async () => {
    // 驾驶 is in the forklift course's cover text, 潜水艇 nowhere.
    expect((await search('驾驶')).body.total).toBeGreaterThan(0);
    expect((await search('潜水艇驾驶')).body.total).toBe(0);
  });
});

describe('courses written through the provider API', () => {
  it('are indexed with the segmenter’s words and pinyin, and again when the title changes', async () => {
    const provider = await makeProvider(t);
    const staff = await makeActor(t, Role.ProviderStaff, provider);
    const built = await buildCourse(t, staff, provider, { title: '养老护理员培训', publish: false });
    const words = async () =>
      (
        (await t.db.query(`SELECT search_words FROM courses WHERE id = $1`, [built.courseId]))[0] as {
          search_words: string[];
        }
      ).search_words;
    expect(await words()).toContain('养老护理员');
    const renamed = await t.http
      .patch(`/api/courses/${built.courseId}`)
      .auth(staff.token, { type: 'bearer' })
      .send({ title: '中式面点师提高班' });
    expect(renamed.status).toBe(200);
    expect(await words()).toEqual(expect.arrayContaining(['中式', '面点']));
    expect(await words()).not.toContain('养老护理员');
    const published = await t.http
      .post(`/api/courses/${built.courseId}/publish`)
      .auth(staff.token, { type: 'bearer' });
    expect(published.status).toBe(200);
    const found = await search('mian dian shi');
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(built.courseId);
    expect((await search('养老护理员培训')).body.items.map((i: { id: string }) => i.id)).not.toContain(
      built.courseId,
    );
  });
});
