import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One line of the results: the project's figure, the baseline's, their ratio and the rounds behind the medians. */
export interface Metric {
  benchmark: string;
  metric: string;
  unit: string;
  candidate: number;
  baseline: number | null;
  /** candidate / baseline, the median of the per-round ratios when there are rounds. */
  ratio: number | null;
  /** The goal, e.g. `>= 0.7` or `<= 2`, checked against `ratio` (or `candidate` when there is no baseline). */
  goal?: string;
  rounds?: Array<{ candidate: number; baseline: number | null }>;
  note?: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A metric from paired rounds: medians of each side and the median of the per-round ratios. */
export function paired(
  base: Omit<Metric, 'candidate' | 'baseline' | 'ratio' | 'rounds'>,
  rounds: Array<{ candidate: number; baseline: number }>,
): Metric {
  return {
    ...base,
    candidate: round(median(rounds.map((r) => r.candidate))),
    baseline: round(median(rounds.map((r) => r.baseline))),
    ratio: round(median(rounds.map((r) => r.candidate / r.baseline))),
    rounds: rounds.map((r) => ({ candidate: round(r.candidate), baseline: round(r.baseline) })),
  };
}

/** `>= 0.7` / `<= 2` / `== 1` against the ratio, or against the figure itself when there is no baseline. */
export function verdict(m: Metric): 'pass' | 'FAIL' | '' {
  if (!m.goal) return '';
  const [op, raw] = m.goal.split(' ');
  const value = m.ratio ?? m.candidate;
  const limit = Number(raw);
  const ok = op === '>=' ? value >= limit : op === '<=' ? value <= limit : value === limit;
  return ok ? 'pass' : 'FAIL';
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function table(metrics: Metric[]): string {
  const rows = metrics.map((m) => [
    m.benchmark,
    m.metric,
    m.unit,
    String(m.candidate),
    m.baseline === null ? '–' : String(m.baseline),
    m.ratio === null ? '–' : `${m.ratio}×`,
    m.goal ? `${m.goal} ${verdict(m)}` : '',
  ]);
  const head = ['benchmark', 'metric', 'unit', 'project', 'baseline', 'ratio', 'goal'];
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Prints the table and writes test/artifacts/bench/results.json (the JSON the docs copy). */
export function writeResults(metrics: Metric[], context: Record<string, unknown>): string {
  const checked = metrics.filter((m) => m.goal);
  const failed = checked.filter((m) => verdict(m) === 'FAIL');
  const document = {
    commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    node: process.version,
    at: new Date().toISOString(),
    ...context,
    metrics,
    goals: { passed: checked.length - failed.length, failed: failed.length },
  };
  const dir = `${ROOT}test/artifacts/bench/`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}results.json`, `${JSON.stringify(document, null, 2)}\n`);
  const text = `${table(metrics)}\n\n${checked.length - failed.length} passed, ${failed.length} failed`;
  console.log(`\n${text}\n(written to test/artifacts/bench/results.json)`);
  return text;
}
