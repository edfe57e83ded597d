import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { generateCounty, type GeneratedCounty } from './generate/county.js';
import { countySizes } from './generate/sizes.js';
import { type Metric, writeResults } from './report.js';
import { snapshotBuild } from './snapshot.js';
import { benchBundles } from './suites/bundles.js';
import { benchCatalogue } from './suites/catalogue.js';
import { benchEnrolment } from './suites/enrolment.js';
import { benchExport } from './suites/export.js';
import { benchIndicators } from './suites/indicators.js';
import { benchPdfs } from './suites/pdfs.js';
import { benchProgress } from './suites/progress.js';
import { benchStatements } from './suites/statements.js';
import type { BenchContext } from './suites/context.js';

/**
 * `npm run bench`: one generated county, every benchmark side by side with its baseline on the same data, one table
 * and one JSON file. `BENCH_SCALE=0.1` for a quick run; `BENCH_ONLY=catalogue,bundles` to run some suites only.
 */
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const wanted = (name: string) => !only.length || only.includes(name);
const SUITES: Array<[string, (ctx: BenchContext) => Promise<Metric[]>]> = [
  ['catalogue', benchCatalogue],
  ['bundles', () => benchBundles()],
  ['statements', benchStatements],
  ['indicators', benchIndicators],
  ['progress', benchProgress],
  ['enrolment', benchEnrolment],
  ['export', benchExport],
  ['pdfs', benchPdfs],
];

let stack: Stack;
let client: pg.Client;
let county: GeneratedCounty;
const metrics: Metric[] = [];

function pgVersion(): Promise<string> {
  return client
    .query<{ v: string }>("SELECT current_setting('server_version') AS v")
    .then((r) => r.rows[0].v);
}

beforeAll(async () => {
  // The load generator (this process) on core 1; the servers under test go on core 0 (see suites/context.ts).
  try {
    execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  } catch {
    // no taskset: unpinned
  }
  const root = await snapshotBuild();
  stack = await startStack({ root, env: { WORKER_IN_PROCESS: 'true' } });
  client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  const sizes = countySizes();
  county = await generateCounty(client, sizes);
  console.table(county.steps);
  console.log(`generated the county in ${county.seconds} s`, sizes);
});

afterAll(async () => {
  if (county) {
    writeResults(metrics, {
      pg: await pgVersion().catch(() => 'unknown'),
      cpus: (await import('node:os')).cpus().length,
      scale: Number(process.env.BENCH_SCALE ?? 1),
      sizes: county.sizes,
      generationSeconds: county.seconds,
      generationSteps: county.steps,
    });
  }
  await client?.end();
  await stack?.stop();
});

describe('county benchmarks', () => {
  for (const [name, run] of SUITES) {
    it.runIf(wanted(name))(name, async () => {
      const started = Date.now();
      metrics.push(...(await run({ stack, client, county })));
      console.log(`${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    });
  }
});
