import pg from 'pg';
import { uid } from '../generate/county.js';
import { median, paired, round as r2, type Metric } from '../report.js';
import { type BenchContext, ROUNDS, tokensFor } from './context.js';

const BURST = 200;
const SEATS = 30;

/** The API's enrolment statements without the framework, audit and notifications: lock, checks, seat, insert. */
async function enrolBare(pool: pg.Pool, learner: string, session: string): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const { rows } = await c.query<{
      course_id: string;
      capacity: number;
      enrolled_count: number;
      open: boolean;
    }>(
      `SELECT s.id, s.course_id, s.capacity, s.enrolled_count,
              (now() >= s.enrolment_opens_at AND now() < s.enrolment_closes_at AND s.cancelled_at IS NULL) AS open
         FROM course_sessions s
         JOIN courses c ON c.id = s.course_id AND c.status = 'published'
         JOIN providers p ON p.id = c.provider_id AND p.status = 'approved'
        WHERE s.id = $1 FOR UPDATE OF s`,
      [session],
    );
    const s = rows[0];
    if (!s?.open) throw new Error('session closed');
    await c.query(`SELECT birth_date FROM learner_profiles WHERE user_id = $1`, [learner]);
    await c.query(`SELECT id, status FROM enrolments WHERE learner_user_id = $1 AND session_id = $2`, [
      learner,
      session,
    ]);
    const seat = s.enrolled_count < s.capacity;
    if (seat)
      await c.query(`UPDATE course_sessions SET enrolled_count = enrolled_count + 1 WHERE id = $1`, [
        session,
      ]);
    await c.query(
      `INSERT INTO enrolments (learner_user_id, session_id, course_id, status, queue_number, seat_taken_at)
       VALUES ($1, $2, $3, $4, nextval('enrolment_queue_seq'), CASE WHEN $5::boolean THEN now() END)`,
      [learner, session, s.course_id, seat ? 'enrolled' : 'waitlisted', seat],
    );
    await c.query('COMMIT');
  } catch (error) {
    await c.query('ROLLBACK');
    throw error;
  } finally {
    c.release();
  }
}

/**
 * Bench 2: enrolment. A burst of 200 learners at once on one 30-seat session, and 200 enrolments spread over 200
 * sessions by 10 steady clients; the API over HTTP against the same statements through a pg.Pool of the API's size.
 * Each round uses fresh sessions and fresh learners, so every request is a first enrolment.
 */
export async function benchEnrolment(ctx: BenchContext): Promise<Metric[]> {
  const pool = new pg.Pool({ connectionString: ctx.stack.databaseUrl, max: 10 });
  let nextLearner = Math.floor(ctx.county.sizes.residents / 2);
  const learners = (n: number) => Array.from({ length: n }, () => uid('r', nextLearner++));
  const sessions = async (n: number, capacity: number) =>
    (
      await ctx.client.query<{ id: string }>(
        `INSERT INTO course_sessions (course_id, label, starts_at, ends_at, capacity, online, enrolment_opens_at, enrolment_closes_at)
         SELECT $1, '压测' || k, now() + interval '10 days', now() + interval '40 days', $2, true, now() - interval '1 day',
                now() + interval '9 days' FROM generate_series(1, $3::int) k RETURNING id`,
        [uid('c', 1), capacity, n],
      )
    ).rows.map((x) => x.id);
  const api = async (pairs: Array<[string, string]>, concurrency: number) => {
    const tokens = await tokensFor(
      ctx,
      pairs.map(([l]) => l),
    );
    return drive(pairs.length, concurrency, async (i) => {
      const res = await fetch(`${ctx.stack.apiUrl}/api/enrolments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sessionId: pairs[i][1] }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`enrolment answered ${res.status}`);
    });
  };
  const bare = (pairs: Array<[string, string]>, concurrency: number) =>
    drive(pairs.length, concurrency, (i) => enrolBare(pool, pairs[i][0], pairs[i][1]));
  const burst: Array<{ candidate: number; baseline: number }> = [];
  const burstP99: Array<{ candidate: number; baseline: number }> = [];
  const steady: Array<{ candidate: number; baseline: number }> = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const [s1, s2] = await sessions(2, SEATS);
      const a = await api(
        learners(BURST).map((l) => [l, s1]),
        BURST,
      );
      const b = await bare(
        learners(BURST).map((l) => [l, s2]),
        BURST,
      );
      burst.push({ candidate: a.seconds * 1000, baseline: b.seconds * 1000 });
      burstP99.push({ candidate: a.p99, baseline: b.p99 });
      const many = await sessions(2 * BURST, 1000);
      const c = await api(
        learners(BURST).map((l, i) => [l, many[i]]),
        10,
      );
      const d = await bare(
        learners(BURST).map((l, i) => [l, many[BURST + i]]),
        10,
      );
      steady.push({ candidate: BURST / c.seconds, baseline: BURST / d.seconds });
    }
    const { rows } = await ctx.client.query<{ over: string }>(
      `SELECT count(*) AS over FROM course_sessions s
        WHERE s.label LIKE '压测%' AND (s.enrolled_count > s.capacity OR s.enrolled_count <> (
              SELECT count(*) FROM enrolments e WHERE e.session_id = s.id AND e.status IN ('enrolled', 'completed')))`,
    );
    const benchmark = '2 enrolment';
    return [
      paired(
        { benchmark, metric: `burst: ${BURST} at once on ${SEATS} seats, wall time`, unit: 'ms' },
        burst,
      ),
      paired({ benchmark, metric: 'burst: p99 latency', unit: 'ms' }, burstP99),
      {
        ...paired(
          { benchmark, metric: `steady: ${BURST} over ${BURST} sessions, 10 clients`, unit: 'enrol/s' },
          steady,
        ),
        note: `sessions over capacity or miscounted: ${rows[0].over}; median burst p99 ${r2(median(burstP99.map((x) => x.candidate)))} ms`,
      },
    ];
  } finally {
    await pool.end();
  }
}

/** Runs `n` tasks with at most `concurrency` at a time; wall time and p99 latency of the tasks. */
async function drive(n: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    seconds: (performance.now() - started) / 1000,
    p99: latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)],
  };
}
