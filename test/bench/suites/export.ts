import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { EXPORT_COLUMNS, EXPORT_FROM } from '../../../apps/api/src/credentials/records-export.service.js';
import { median, paired, round, type Metric } from '../report.js';
import { type BenchContext, ROUNDS, tokensFor } from './context.js';

/**
 * The same rows, columns and order through `COPY … TO STDOUT WITH CSV` in psql: the API's SELECT (its exported
 * column list and joins), with the name masked in SQL the way maskName masks Chinese names (first character kept).
 */
const copySql = (providerId: string) =>
  `COPY (SELECT ${EXPORT_COLUMNS.replace('u.name', `left(u.name, 1) || repeat('*', greatest(char_length(u.name) - 1, 1))`)}
           FROM ${EXPORT_FROM}
          WHERE r.provider_id = '${providerId}' AND r.course_id IS NOT NULL
          ORDER BY r.completed_on, r.id) TO STDOUT WITH (FORMAT csv, HEADER)`.replace(/\s+/g, ' ');

interface Run {
  ms: number;
  bytes: number;
  digest: string;
  lines: number;
  sample: string;
}

/** Hashes a CSV's rows with the API's framing removed (BOM, CRLF, the header), so the two compare byte for byte. */
function digestOf(text: string): { digest: string; lines: number; sample: string } {
  const body = text.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
  const rows = body.slice(body.indexOf('\n') + 1);
  return {
    digest: createHash('sha256').update(rows).digest('hex'),
    lines: body.split('\n').length - 1,
    sample: rows.slice(0, 300),
  };
}

/** psql as a child process; its stdout is read (as the API's body is) and thrown away after hashing. */
function copy(databaseUrl: string, sql: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('psql', [databaseUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`psql exited with ${code}`));
      const body = Buffer.concat(chunks);
      resolve({ ms, bytes: body.length, ...digestOf(body.toString('utf8')) });
    });
  });
}

/** Peak resident memory of a process while `work` runs: VmHWM reset first (clear_refs 5), VmRSS sampled every 10 ms. */
async function peakDuring<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; before: number; peak: number }> {
  const status = () => readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (text: string, field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? NaN);
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not allowed here: the sampled VmRSS still gives the peak
  }
  const before = kb(status(), 'VmRSS');
  let sampled = before;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, kb(status(), 'VmRSS'));
  }, 10);
  try {
    const result = await work();
    const hwm = kb(status(), 'VmHWM');
    return { result, before: before / 1024, peak: Math.max(sampled, hwm) / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Bench 5: a school's records export. The API's CSV stream (keyset batches, masking, CSV in JS, backpressure) against
 * `COPY (the same SELECT) TO STDOUT WITH CSV` through psql, on the big school (about half of all records); the two
 * outputs must be identical once the BOM and CRLF are taken off. Peak memory of the API process is measured while it
 * exports the small school and the big one (about 50× the rows): streamed, the peak must not grow with the rows.
 */
export async function benchExport(ctx: BenchContext): Promise<Metric[]> {
  const { stack, county } = ctx;
  const pid = stack.processes.get('api')?.pid;
  if (!pid) throw new Error('no API process');
  const [bigToken, smallToken] = await tokensFor(ctx, [
    county.bigProvider.adminUserId,
    county.smallProvider.adminUserId,
  ]);
  const api = async (providerId: string, token: string): Promise<Run> => {
    const started = performance.now();
    const res = await fetch(`${stack.apiUrl}/api/providers/${providerId}/records.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`export answered ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - started;
    return { ms, bytes: body.length, ...digestOf(body.toString('utf8')) };
  };
  const big = county.bigProvider.id;
  const small = county.smallProvider.id;
  const warm = await api(big, bigToken);
  const floor = await copy(stack.databaseUrl, copySql(big));
  if (warm.digest !== floor.digest) {
    throw new Error(
      `the API's CSV differs from COPY's (${warm.lines} and ${floor.lines} lines):\n${warm.sample}\n---\n${floor.sample}`,
    );
  }
  const rounds: Array<{ candidate: number; baseline: number }> = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate which goes first, so neither always meets a cold cache or a busy neighbour.
    const floorFirst = i % 2 === 1;
    const first = floorFirst ? await copy(stack.databaseUrl, copySql(big)) : await api(big, bigToken);
    const second = floorFirst ? await api(big, bigToken) : await copy(stack.databaseUrl, copySql(big));
    const [candidate, baseline] = floorFirst ? [second, first] : [first, second];
    rounds.push({ candidate: candidate.ms, baseline: baseline.ms });
  }
  const memory = { small: [] as number[], big: [] as number[], before: [] as number[] };
  let smallRows = 0;
  for (let i = 0; i < 3; i++) {
    const s = await peakDuring(pid, () => api(small, smallToken));
    const b = await peakDuring(pid, () => api(big, bigToken));
    smallRows = s.result.lines - 1;
    memory.small.push(s.peak);
    memory.big.push(b.peak);
    memory.before.push(s.before, b.before);
  }
  const rows = warm.lines - 1;
  const peakSmall = round(median(memory.small), 1);
  const peakBig = round(median(memory.big), 1);
  return [
    {
      ...paired(
        { benchmark: '5 export', metric: `records CSV, ${rows} rows (big school)`, unit: 'ms', goal: '<= 2' },
        rounds,
      ),
      note: `API stream vs psql -c "COPY (same SELECT, name masked in SQL) TO STDOUT WITH CSV" (child process, psql start-up included); outputs identical (sha256 without BOM/CRLF); ${round(warm.bytes / 1024 / 1024, 1)} MB`,
    },
    {
      benchmark: '5 export',
      metric: `API peak RSS: ${rows} rows vs ${smallRows} rows`,
      unit: 'MB',
      candidate: peakBig,
      baseline: peakSmall,
      ratio: round(peakBig / peakSmall),
      goal: '<= 1.2',
      note: `VmHWM (reset via clear_refs) and VmRSS sampled every 10 ms in the API process; medians of 3; RSS before ${round(median(memory.before), 1)} MB; ${round(rows / Math.max(smallRows, 1))}× the rows`,
    },
  ];
}
