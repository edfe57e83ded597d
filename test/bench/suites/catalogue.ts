import type autocannon from 'autocannon';
import { paired, type Metric } from '../report.js';
import { uid } from '../generate/county.js';
import { type BenchContext, DURATION, load, type LoadResult, pinApi, ROUNDS, startBare } from './context.js';

const WORDS = ['电工', '智能手机', '太极', '书法', '养老护理', '急救', '初级 茶艺', '摄影'];

interface Target {
  name: string;
  requests: autocannon.Request[];
}

/**
 * Bench 1: the catalogue search and the course page, the API against the bare node:http + pg handler running the
 * same SQL. Throughput closed-loop at 50 connections; latency at a fixed rate of half the bare handler's
 * saturation (closed loops hide tail latency). Rounds alternate which server goes first.
 */
export async function benchCatalogue(ctx: BenchContext): Promise<Metric[]> {
  const { stack, county } = ctx;
  pinApi(stack);
  const bare = await startBare(stack.databaseUrl, stack.env.JWT_SECRET ?? '');
  const stride = Math.floor(county.sizes.courses / county.sizes.sessions);
  // Courses that have a session and lessons (see the generator's courseOf).
  const courses = Array.from({ length: 40 }, (_, i) => {
    const j = 1 + i * Math.floor(county.sizes.sessions / 40);
    return uid('c', (j - 1) * stride + 1 + (j % stride));
  });
  const targets: Target[] = [
    {
      name: 'catalogue search (pageSize 20)',
      requests: WORDS.map((q) => ({
        method: 'GET',
        path: `/api/catalogue/courses?q=${encodeURIComponent(q)}&pageSize=20`,
      })),
    },
    {
      name: 'course page',
      requests: courses.map((id) => ({ method: 'GET', path: `/api/catalogue/courses/${id}` })),
    },
  ];
  const metrics: Metric[] = [];
  try {
    for (const target of targets) {
      const run = (url: string, rate?: number): Promise<LoadResult> =>
        load({ url, requests: target.requests, rate, connections: rate ? 20 : 50 });
      await run(stack.apiUrl);
      await run(bare.url);
      /** Runs both servers one after the other, the API first in even rounds and second in odd ones. */
      const pair = async (round: number, rate?: number) => {
        const [first, second] = round % 2 ? [bare.url, stack.apiUrl] : [stack.apiUrl, bare.url];
        const x = await run(first, rate);
        const y = await run(second, rate);
        return round % 2 ? { api: y, base: x } : { api: x, base: y };
      };
      const throughput: Array<{ candidate: number; baseline: number }> = [];
      for (let round = 0; round < ROUNDS; round++) {
        const { api, base } = await pair(round);
        throughput.push({ candidate: api.rps, baseline: base.rps });
      }
      const saturation =
        paired({ benchmark: '1 catalogue', metric: '', unit: '' }, throughput).baseline ?? 100;
      const rate = Math.max(10, Math.round(saturation / 2));
      const p50: Array<{ candidate: number; baseline: number }> = [];
      const p99: Array<{ candidate: number; baseline: number }> = [];
      for (let round = 0; round < ROUNDS; round++) {
        const { api, base } = await pair(round, rate);
        p50.push({ candidate: api.p50, baseline: base.p50 });
        p99.push({ candidate: api.p99, baseline: base.p99 });
      }
      const benchmark = `1 ${target.name}`;
      metrics.push(
        paired(
          { benchmark, metric: 'throughput, 50 connections', unit: 'req/s', goal: '>= 0.7' },
          throughput,
        ),
        paired({ benchmark, metric: `p50 at ${rate} req/s`, unit: 'ms' }, p50),
        paired({ benchmark, metric: `p99 at ${rate} req/s`, unit: 'ms', goal: '<= 2' }, p99),
      );
    }
  } finally {
    await bare.stop();
  }
  return metrics.map((m) => ({ ...m, note: m.note ?? `${DURATION} s per run, ${ROUNDS} paired rounds` }));
}
