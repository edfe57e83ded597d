import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Figures of the reliability and security suites (routes × roles checked, inputs tried, faults injected, jobs and
 * records lost), one JSON file per suite in test/artifacts/reliability/, summed up at the end of `npm test` by
 * scripts/reliability-summary.mjs.
 */
export interface ReliabilityFigures {
  suite: string;
  cells?: number;
  inputs?: number;
  faults?: number;
  jobs?: number;
  jobsLost?: number;
  records?: number;
  recordsLost?: number;
  notes?: string;
}

const DIR = fileURLToPath(new URL('../../../../test/artifacts/reliability/', import.meta.url));

export function reportReliability(figures: ReliabilityFigures): void {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(
    `${DIR}${figures.suite}.json`,
    JSON.stringify({ ...figures, at: new Date().toISOString() }, null, 2),
  );
  console.log(`reliability ${JSON.stringify(figures)}`);
}
