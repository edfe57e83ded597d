import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { catalogueStatement } from '../../apps/api/src/catalogue/catalogue.query.js';
import { seedPlaces } from '../../apps/api/src/testing/builders.js';
import { generateCatalogue, type Sql } from '../../apps/api/src/testing/catalogue-generator.js';
import { startStack, type Stack } from '../support/stack.js';
import { summarise, type Summary } from './stats.js';

/**
 * Catalogue search on 100,000 generated courses: the API over HTTP (validation, auth guard, SQL, JSON) against
 * the same SQL statement run straight through `pg`, alternating, on the same data. Sequential requests, so the
 * figures are latencies, not throughput.
 */
const COURSES = Number(process.env.BENCH_COURSES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PER_ROUND = 40;
const QUERIES = ['电工', '智能手机', '太极', '书法入门', '养老护理', 'calligraphy', '初级', '急救 实操'];
/** Browsing without words: every published course ranked by its soonest session. */
const BROWSE = '';

let stack: Stack;
let client: pg.Client;

beforeAll(async () => {
  stack = await startStack();
  client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  const sql: Sql = {
    query: async (text, params) => (await client.query(text, params)).rows as Array<Record<string, string>>,
  };
  await seedPlaces(sql);
  const started = Date.now();
  await generateCatalogue(sql, COURSES);
  console.log(`generated ${COURSES} courses in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
afterAll(async () => {
  await client?.end();
  await stack?.stop();
});

async function timeApi(q: string): Promise<number> {
  const started = performance.now();
  const query = q ? `q=${encodeURIComponent(q)}&` : '';
  const res = await fetch(`${stack.apiUrl}/api/catalogue/courses?${query}pageSize=20`);
  await res.json();
  if (!res.ok) throw new Error(`API answered ${res.status}`);
  return performance.now() - started;
}

async function timeSql(q: string): Promise<number> {
  const { sql, params } = catalogueStatement({ q: q || undefined, page: 1, pageSize: 20 });
  const started = performance.now();
  await client.query(sql, params);
  return performance.now() - started;
}

describe('catalogue search benchmark', () => {
  it(`measures search latency over ${COURSES} courses`, async () => {
    for (const q of QUERIES) {
      await timeApi(q);
      await timeSql(q);
    }
    const api: number[] = [];
    const bare: number[] = [];
    const rounds: Array<{ api: Summary; sql: Summary }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < PER_ROUND; i++) {
        const q = QUERIES[i % QUERIES.length];
        a.push(await timeApi(q));
        b.push(await timeSql(q));
      }
      rounds.push({ api: summarise(a), sql: summarise(b) });
      api.push(...a);
      bare.push(...b);
    }
    const browseApi: number[] = [];
    const browseSql: number[] = [];
    for (let i = 0; i < 10; i++) {
      browseApi.push(await timeApi(BROWSE));
      browseSql.push(await timeSql(BROWSE));
    }
    const result = {
      benchmark: 'catalogue-search',
      courses: COURSES,
      queries: QUERIES,
      rounds,
      api: summarise(api),
      sql: summarise(bare),
      ratioP50: Math.round((summarise(api).p50 / summarise(bare).p50) * 100) / 100,
      browse: { api: summarise(browseApi), sql: summarise(browseSql) },
      at: new Date().toISOString(),
    };
    const dir = fileURLToPath(new URL('./results/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}catalogue-search.json`, JSON.stringify(result, null, 2));
    console.table({
      'search, API over HTTP (ms)': result.api,
      'search, same SQL through pg (ms)': result.sql,
      'browse, API (ms)': result.browse.api,
      'browse, SQL (ms)': result.browse.sql,
    });
    console.log(`p50 ratio API / SQL: ${result.ratioP50}`);
  });
});
