import { completionFacts, groupedFacts } from '../../../apps/api/src/indicators/indicator.queries.js';
import { paired, type Metric } from '../report.js';
import { type BenchContext, ROUNDS, tokensFor } from './context.js';

type Cells = Record<string, Record<string, number>>;
interface Figure {
  code: string;
  numerator: number;
  breakdowns: Record<string, Array<{ key: string; numerator: number }>>;
}

/** One hand-written GROUP BY at the finest grain: completions in the year by township, age band, sex and category. */
const HAND_WRITTEN = `
  WITH bands AS MATERIALIZED (SELECT DISTINCT age_from, age_to FROM population_cells WHERE baseline_id = $3),
  x AS (SELECT p.township_code, p.sex, r.category, date_part('year', age($1::date, p.birth_date))::int AS age
          FROM learning_records r JOIN learner_profiles p ON p.user_id = r.learner_user_id
         WHERE r.completed_on >= $2::date AND r.completed_on <= $1::date)
  SELECT x.township_code::text AS township, x.sex, x.category,
         COALESCE((SELECT b.age_from || COALESCE('-' || b.age_to, '+') FROM bands b
                    WHERE x.age >= b.age_from AND (b.age_to IS NULL OR x.age <= b.age_to) LIMIT 1),
                  CASE WHEN x.age >= 100 THEN '100+' ELSE (x.age / 5 * 5) || '-' || (x.age / 5 * 5 + 4) END) AS age_band,
         count(*)::int AS n
    FROM x GROUP BY 1, 2, 3, 4`;

const DIMENSIONS = ['township', 'age_band', 'sex', 'category'] as const;

/** Rolls the finest cells up to the total and each single dimension, the shape the indicator reports. */
function rollUp(rows: Array<Record<string, string | number>>): Cells {
  const cells: Cells = { total: { total: 0 } };
  for (const row of rows) {
    cells.total.total += Number(row.n);
    for (const d of DIMENSIONS) {
      cells[d] ??= {};
      cells[d][String(row[d])] = (cells[d][String(row[d])] ?? 0) + Number(row.n);
    }
  }
  return cells;
}

function fromFigure(f: Figure): Cells {
  const cells: Cells = { total: { total: f.numerator } };
  for (const d of DIMENSIONS) {
    cells[d] = Object.fromEntries(
      (f.breakdowns[d] ?? []).filter((c) => c.numerator).map((c) => [c.key, c.numerator]),
    );
  }
  return cells;
}

const canonical = (c: Cells) =>
  JSON.stringify(
    Object.keys(c)
      .sort()
      .map((k) => [k, Object.entries(c[k]).sort(([a], [b]) => a.localeCompare(b))]),
  );

/**
 * Bench 4: indicators. (a) every indicator of the year through the API (`POST /api/indicators/:year/recompute`) and
 * (b) the engine's own completions statement (GROUPING SETS) against one hand-written GROUP BY over the same rows
 * (completions of the year, finest grain). The completions figure must equal the hand-written cells, rolled up.
 */
export async function benchIndicators(ctx: BenchContext): Promise<Metric[]> {
  const { rows: analysts } = await ctx.client.query<{ user_id: string }>(
    `SELECT user_id FROM role_assignments WHERE role = 'bureau_analyst' LIMIT 1`,
  );
  const [token] = await tokensFor(ctx, [analysts[0].user_id]);
  const year = new Date().getFullYear();
  const recompute = async () => {
    const started = performance.now();
    const res = await fetch(`${ctx.stack.apiUrl}/api/indicators/${year}/recompute`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`recompute answered ${res.status}`);
    return performance.now() - started;
  };
  await recompute();
  const { rows: snapshots } = await ctx.client.query<{ results: string }>(
    `SELECT results FROM indicator_snapshots WHERE year = $1 AND kind = 'provisional'`,
    [year],
  );
  const results = JSON.parse(snapshots[0].results) as {
    referenceDate: string;
    periodStart: string;
    baseline: { id: string } | null;
    indicators: Figure[];
  };
  const params = [results.referenceDate, results.periodStart, results.baseline?.id ?? null];
  const timed = async (sql: string) => {
    const started = performance.now();
    const { rows } = await ctx.client.query<Record<string, string | number>>(sql, params);
    return { ms: performance.now() - started, rows };
  };
  const engineSql = `SELECT * FROM (${groupedFacts(completionFacts('$2'), [...DIMENSIONS])}) q
    WHERE $1::date IS NULL OR $2::date IS NULL OR $3::uuid IS NULL OR true`;
  const hand = await timed(HAND_WRITTEN);
  const completions = results.indicators.find((f) => f.code === 'completions');
  if (!completions) throw new Error('no completions indicator in the snapshot');
  const identical = canonical(rollUp(hand.rows)) === canonical(fromFigure(completions));
  if (!identical) throw new Error('the completions indicator differs from the hand-written GROUP BY');
  const all: Array<{ candidate: number; baseline: number }> = [];
  const one: Array<{ candidate: number; baseline: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const api = await recompute();
    const base = (await timed(HAND_WRITTEN)).ms;
    const engine = (await timed(engineSql)).ms;
    all.push({ candidate: api, baseline: base });
    one.push({ candidate: engine, baseline: base });
  }
  const note = `completions cells identical to the hand-written GROUP BY rolled up (${hand.rows.length} finest cells)`;
  return [
    {
      ...paired(
        { benchmark: '4 indicators', metric: 'all indicators via API recompute', unit: 'ms', goal: '<= 1.5' },
        all,
      ),
      note: `${results.indicators.length} indicators against one GROUP BY; ${note}`,
    },
    {
      ...paired(
        {
          benchmark: '4 indicators',
          metric: 'completions: engine SQL (GROUPING SETS)',
          unit: 'ms',
          goal: '<= 1.5',
        },
        one,
      ),
      note,
    },
  ];
}
