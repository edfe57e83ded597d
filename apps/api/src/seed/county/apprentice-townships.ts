import { STATES_ON } from '../../apprenticeship/replay.service.js';
import type { EntityManager } from 'typeorm';
import { PEOPLE_THRESHOLD } from '@cll/domain';
import { Rng } from '../catalogue/prng.js';
import { DEMO_TOWNSHIPS } from '../demo-county.js';

/**
 * Where the demo's apprentices live. The bureau's apprenticeship figures are published by the apprentice's township
 * and hide every cell of 1 to 4 people (with complements across the six figures published together), so a county
 * whose apprentices are spread one or two per township shows the bureau almost nothing. Apprentices cluster in
 * reality too: they live near the companies and the schools that train them. Starting from the company's township,
 * the generated apprentices are moved between the townships that host apprenticeship companies until, in each of the
 * three years the dashboard shows, every township's cell of every apprenticeship figure holds no one or at least
 * five people. The hand-written apprentices of apprenticeship-seed.ts stay where they are.
 */

/** The figures the bureau sees by township, per year (see indicator.queries.ts APPRENTICESHIPS). */
export const FIGURES = ['started', 'active', 'completed', 'withdrawn', 'school', 'workplace'] as const;

export interface YearWindow {
  year: number;
  first: string;
  /** The reference date: 31 December, or today for this year. */
  last: string;
}

export function yearWindows(today: string): YearWindow[] {
  const thisYear = Number(today.slice(0, 4));
  return [thisYear - 2, thisYear - 1, thisYear].map((year) => ({
    year,
    first: `${year}-01-01`,
    last: year < thisYear ? `${year}-12-31` : today,
  }));
}

/**
 * Per apprentice and year, the figures they count in, worked out per agreement the way the dashboard counts them
 * (first activation in the year without a predecessor, active on the reference date, completed or withdrawn in the
 * year, signed hours on days in the year), then per person.
 */
const MEMBERSHIP = `
  WITH states AS (${STATES_ON}), firsts AS (
    SELECT agreement_id, type, min(effective_date) AS on_date FROM apprenticeship_events
     WHERE type IN ('activated', 'completed', 'withdrawn') GROUP BY agreement_id, type
  ), hours AS (
    SELECT w.agreement_id,
           bool_or(d.school_hours > 0 AND w.school_status = 'signed'
                   AND (w.school_signed_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date) AS school,
           bool_or(d.workplace_hours > 0 AND w.workplace_status = 'signed'
                   AND (w.workplace_signed_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date) AS workplace
      FROM apprenticeship_log_weeks w JOIN apprenticeship_log_days d ON d.week_id = w.id
     WHERE d.day BETWEEN $2::date AND $1::date GROUP BY w.agreement_id
  )
  SELECT a.apprentice_user_id AS uid,
         bool_or(a.predecessor_id IS NULL AND f_act.on_date BETWEEN $2::date AND $1::date) AS started,
         bool_or(s.state = 'active') AS active,
         bool_or(f_com.on_date BETWEEN $2::date AND $1::date) AS completed,
         bool_or(f_wdr.on_date BETWEEN $2::date AND $1::date) AS withdrawn,
         bool_or(COALESCE(h.school, false)) AS school, bool_or(COALESCE(h.workplace, false)) AS workplace
    FROM apprenticeship_agreements a
    LEFT JOIN states s ON s.agreement_id = a.id
    LEFT JOIN hours h ON h.agreement_id = a.id
    LEFT JOIN firsts f_act ON f_act.agreement_id = a.id AND f_act.type = 'activated'
    LEFT JOIN firsts f_com ON f_com.agreement_id = a.id AND f_com.type = 'completed'
    LEFT JOIN firsts f_wdr ON f_wdr.agreement_id = a.id AND f_wdr.type = 'withdrawn'
   GROUP BY a.apprentice_user_id`;

type Row = { uid: string } & Record<(typeof FIGURES)[number], boolean | null>;

/** Per person, the indexes (year × figure) of the cells they count in. */
export async function memberships(m: EntityManager, today: string): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const [y, w] of yearWindows(today).entries()) {
    const rows = await m.query<Row[]>(MEMBERSHIP, [w.last, w.first]);
    for (const r of rows) {
      const cells = out.get(r.uid) ?? [];
      FIGURES.forEach((f, k) => {
        if (r[f]) cells.push(y * FIGURES.length + k);
      });
      out.set(r.uid, cells);
    }
  }
  return out;
}

type Person = { uid: string; township: number; movable: boolean; cells: number[] };

/** How far a cell is from being publishable: 0 for no one or five and more, else the people to add or take. */
const deficit = (people: number) =>
  people > 0 && people < PEOPLE_THRESHOLD ? Math.min(people, PEOPLE_THRESHOLD - people) : 0;

/**
 * Moves the movable people between the candidate townships until every cell is empty or holds at least five people:
 * seeded annealing (single moves, sometimes uphill while the temperature is high, keeping the best arrangement
 * seen), then steepest descent, attempt after attempt until nothing is left to fix. The same seed and people give
 * the same arrangement. Returns the township of every person and the deficit left (0 when every cell publishes).
 */
export function cluster(
  people: Person[],
  candidates: number[],
  seed: number,
): { township: Map<string, number>; deficit: number } {
  const counts = new Map<number, number>();
  const key = (t: number, c: number) => t * 1000 + c;
  const at = people.map((p) => p.township);
  const count = (t: number, c: number) => counts.get(key(t, c)) ?? 0;
  const apply = (i: number, to: number) => {
    for (const c of people[i].cells) {
      counts.set(key(at[i], c), count(at[i], c) - 1);
      counts.set(key(to, c), count(to, c) + 1);
    }
    at[i] = to;
  };
  people.forEach((p, i) => {
    for (const c of p.cells) counts.set(key(at[i], c), count(at[i], c) + 1);
  });
  const total = () => [...counts.values()].reduce((sum, n) => sum + deficit(n), 0);
  /** The change in deficit if person i moved to township `to`. */
  const gainOf = (i: number, to: number) =>
    people[i].cells.reduce((sum, c) => {
      const from = count(at[i], c);
      const into = count(to, c);
      return sum + deficit(from - 1) - deficit(from) + deficit(into + 1) - deficit(into);
    }, 0);
  const movers = people.flatMap((p, i) => (p.movable && p.cells.length ? [i] : []));
  const rng = new Rng(seed);
  const STEPS = 20_000;
  for (let attempt = 0; attempt < 30 && total() > 0 && movers.length; attempt += 1) {
    let current = total();
    let best = { deficit: current, at: [...at] };
    for (let step = 0; step < STEPS && best.deficit > 0; step += 1) {
      const i = rng.pick(movers);
      const to = rng.pick(candidates);
      if (to === at[i]) continue;
      const gain = gainOf(i, to);
      if (gain <= 0 || rng.next() < Math.exp(-gain / (1.5 * (1 - step / STEPS) + 0.05))) {
        apply(i, to);
        current += gain;
        if (current < best.deficit) best = { deficit: current, at: [...at] };
      }
    }
    best.at.forEach((t, i) => {
      if (t !== at[i]) apply(i, t);
    });
    for (let improved = true; improved && total() > 0;) {
      improved = false;
      for (const i of movers) {
        for (const to of candidates) {
          if (to !== at[i] && gainOf(i, to) < 0) {
            apply(i, to);
            improved = true;
          }
        }
      }
    }
  }
  return { township: new Map(people.map((p, i) => [p.uid, at[i]])), deficit: total() };
}

/**
 * The clustering, and on a day when it leaves a cell short (the windows move with the load day), the same search
 * over fewer townships (the fixed people's homes kept), down to one, which fills each remaining cell.
 */
export function arrange(people: Person[], candidates: number[], seed: number): ReturnType<typeof cluster> {
  const homesKept = [...new Set(people.filter((p) => !p.movable && p.cells.length).map((p) => p.township))];
  let result = cluster(people, candidates, seed);
  for (let k = candidates.length - 1; result.deficit > 0 && k >= 1; k -= 1) {
    const fewer = [...new Set([...homesKept, ...candidates])].slice(0, Math.max(k, homesKept.length));
    result = cluster(people, fewer, seed);
  }
  return result;
}

/**
 * Applies the clustering to every apprentice but those whose mobile is in `fixed` (a demo account's home stays):
 * their township (starting from `homes`, else where they live) and a village in it. Returns the deficit left.
 */
export async function clusterApprentices(
  m: EntityManager,
  seed: number,
  today: string,
  homes: Map<string, number>,
  fixed: string[],
  candidates: number[],
): Promise<number> {
  const cells = await memberships(m, today);
  const rows = await m.query<Array<{ uid: string; mobile: string; township_code: string }>>(
    `SELECT DISTINCT a.apprentice_user_id AS uid, u.mobile, p.township_code FROM apprenticeship_agreements a
       JOIN users u ON u.id = a.apprentice_user_id JOIN learner_profiles p ON p.user_id = a.apprentice_user_id
      ORDER BY u.mobile`,
  );
  const index = new Map(DEMO_TOWNSHIPS.map((t, i) => [t.code, i]));
  const people = rows.map((r) => ({
    uid: r.uid,
    township: homes.get(r.uid) ?? index.get(r.township_code.trim()) ?? 0,
    movable: !fixed.includes(r.mobile),
    cells: cells.get(r.uid) ?? [],
  }));
  const { township, deficit: left } = arrange(people, candidates, seed);
  const moved = people.filter((p) => p.movable);
  await m.query(
    `UPDATE learner_profiles p SET township_code = v.township_code, village_code = v.code
       FROM unnest($1::uuid[], $2::text[], $3::int[]) AS x(uid, township, k)
       JOIN LATERAL (SELECT code, township_code FROM villages WHERE township_code = x.township ORDER BY code
                      OFFSET x.k LIMIT 1) v ON true
      WHERE p.user_id = x.uid`,
    [
      moved.map((p) => p.uid),
      moved.map((p) => DEMO_TOWNSHIPS[township.get(p.uid) as number].code),
      moved.map((_, i) => (i * 3) % 5),
    ],
  );
  return left;
}
