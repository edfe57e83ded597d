import { paired, type Metric } from '../report.js';
import { type BenchContext, load, pinApi, ROUNDS, startBare, tokensFor } from './context.js';

/**
 * Bench 3: lesson-progress writes, the API (lesson lookup, enrolment check, upsert, course completion check, in a
 * transaction) against the bare handler's single `INSERT … ON CONFLICT`. 200 learners, handed out round-robin, each saving a position on a
 * lesson of a course they are enrolled in; closed loop at 50 connections; rounds alternate the order.
 */
export async function benchProgress(ctx: BenchContext): Promise<Metric[]> {
  const { rows } = await ctx.client.query<{ learner: string; lesson: string }>(
    `SELECT DISTINCT ON (e.learner_user_id) e.learner_user_id AS learner, l.id AS lesson
       FROM enrolments e JOIN lessons l ON l.course_id = e.course_id AND l.position = 2
      WHERE e.status = 'enrolled' AND e.learner_user_id IN (SELECT user_id FROM learner_profiles ORDER BY user_id LIMIT 2000)
      ORDER BY e.learner_user_id LIMIT 200`,
  );
  const tokens = await tokensFor(
    ctx,
    rows.map((r) => r.learner),
  );
  const requests = rows.map((r, i) => ({
    method: 'PUT',
    path: `/api/me/lessons/${r.lesson}/progress`,
    headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ completed: false, position: 90 + i }),
  }));
  pinApi(ctx.stack);
  const bare = await startBare(ctx.stack.databaseUrl, ctx.stack.env.JWT_SECRET ?? '');
  try {
    await load({ url: ctx.stack.apiUrl, requests, duration: 2, roundRobin: true });
    await load({ url: bare.url, requests, duration: 2, roundRobin: true });
    const rps: Array<{ candidate: number; baseline: number }> = [];
    const p99: Array<{ candidate: number; baseline: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [bare.url, ctx.stack.apiUrl] : [ctx.stack.apiUrl, bare.url];
      const x = await load({ url: order[0], requests, roundRobin: true });
      const y = await load({ url: order[1], requests, roundRobin: true });
      const [api, base] = round % 2 ? [y, x] : [x, y];
      rps.push({ candidate: api.rps, baseline: base.rps });
      p99.push({ candidate: api.p99, baseline: base.p99 });
    }
    const benchmark = '3 lesson progress PUT';
    return [
      paired({ benchmark, metric: 'throughput, 50 connections', unit: 'req/s', goal: '>= 0.7' }, rps),
      paired({ benchmark, metric: 'p99, 50 connections (closed loop)', unit: 'ms' }, p99),
    ];
  } finally {
    await bare.stop();
  }
}
