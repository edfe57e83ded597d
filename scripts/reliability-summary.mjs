#!/usr/bin/env node
// The reliability and security figures of the last `npm test`: routes × roles checked, inputs tried, faults
// injected, jobs and records lost. `--reset` clears them before a run; without it, prints the table and exits 1
// when a suite did not report or anything was lost.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../test/artifacts/reliability/', import.meta.url));
const EXPECTED = [
  'authorization-matrix',
  'bad-input',
  'replayed-requests',
  'fault-redis-stopped',
  'fault-postgres-restarted',
  'fault-worker-killed',
  'fault-api-killed',
];

if (process.argv.includes('--reset')) {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  process.exit(0);
}

const reports = readdirSync(DIR, { withFileTypes: true })
  .filter((f) => f.isFile() && f.name.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(DIR + f.name, 'utf8')));
const sum = (key) => reports.reduce((n, r) => n + (r[key] ?? 0), 0);
const missing = EXPECTED.filter((suite) => !reports.some((r) => r.suite === suite));

console.log('\nReliability and security figures of this run');
console.table(
  reports.map((r) => ({
    suite: r.suite,
    'routes×roles': r.cells ?? '',
    inputs: r.inputs ?? '',
    faults: r.faults ?? '',
    jobs: r.jobs ?? '',
    'jobs lost': r.jobsLost ?? '',
    records: r.records ?? '',
    'records lost': r.recordsLost ?? '',
  })),
);
for (const r of reports.filter((r) => r.notes)) console.log(`- ${r.suite}: ${r.notes}`);
const lost = sum('jobsLost') + sum('recordsLost');
console.log(
  `\nroutes × roles checked ${sum('cells')}, inputs tried ${sum('inputs')}, faults injected ${sum('faults')}, ` +
    `jobs lost ${sum('jobsLost')} of ${sum('jobs')}, records lost ${sum('recordsLost')} of ${sum('records')}`,
);
if (missing.length) console.log(`suites that did not report: ${missing.join(', ')}`);
process.exit(missing.length || lost ? 1 : 0);
