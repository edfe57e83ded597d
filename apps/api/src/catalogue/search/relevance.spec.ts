import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../testing/catalogue-generator.js';
import { generateRelevanceCatalogue } from '../../testing/relevance-catalogue.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { RELEVANCE_SET } from './relevance-set.js';

let t: TestApp;
const outcomes: Array<{ q: string; kind: string; ok: boolean; first: string | null; total: number }> = [];

beforeAll(async () => {
  t = await startTestApp();
  await generateCatalogue(t.db, 1_200);
  await generateRelevanceCatalogue(t.db);
  for (const [q, relevant, kind] of RELEVANCE_SET) {
    const res = await t.http.get('/api/catalogue/courses').query({ q, pageSize: 3 });
    expect(res.status).toBe(200);
    const first: string | null = res.body.items[0]?.title ?? null;
    const ok =
      relevant === null ? res.body.total === 0 : first !== null && relevant.some((r) => first.includes(r));
    outcomes.push({ q, kind, ok, first, total: res.body.total });
  }
}, 120_000);
afterAll(() => t?.close());

describe(`search relevance over ${RELEVANCE_SET.length} everyday queries`, () => {
  it('has at least 80 queries, each kind represented', () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(80);
    expect(new Set(RELEVANCE_SET.map(([, , kind]) => kind))).toEqual(
      new Set(['elderly', 'trade', 'english', 'pinyin', 'invisible', 'none']),
    );
  });

  it('puts a relevant course first for at least 95 % of the queries that have one', () => {
    const answerable = outcomes.filter((o) => RELEVANCE_SET.find(([q]) => q === o.q)?.[1] !== null);
    const good = answerable.filter((o) => o.ok);
    const zero = answerable.filter((o) => o.total === 0);
    const share = good.length / answerable.length;
    console.log(
      `relevance: ${good.length}/${answerable.length} = ${(share * 100).toFixed(1)} % relevant first; ` +
        `zero-result rate ${zero.length}/${answerable.length} = ${((zero.length / answerable.length) * 100).toFixed(1)} %; ` +
        `misses: ${JSON.stringify(answerable.filter((o) => !o.ok).map((o) => [o.q, o.first]))}`,
    );
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('finds nothing (so the page suggests) for every query no course fits', () => {
    const none = outcomes.filter((o) => o.kind === 'none');
    expect(none.map((o) => [o.q, o.total, o.first])).toEqual(none.map((o) => [o.q, 0, null]));
  });

  it('ranks a query with an invisible character exactly like the clean one', async () => {
    for (const [dirty, clean] of [
      ['电\u200b工', '电工'],
      ['书\u200d法入门', '书法入门'],
      ['ｅｘｃｅｌ', 'excel'],
    ]) {
      const a = await t.http.get('/api/catalogue/courses').query({ q: dirty, pageSize: 20 });
      const b = await t.http.get('/api/catalogue/courses').query({ q: clean, pageSize: 20 });
      expect(a.body.items.map((i: { id: string }) => i.id)).toEqual(
        b.body.items.map((i: { id: string }) => i.id),
      );
      expect(a.body.total).toBe(b.body.total);
    }
  });
});
