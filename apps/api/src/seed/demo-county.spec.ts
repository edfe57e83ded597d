import { IndicatorCode as C, Role, rollingWindow, YEARS_OF_SCHOOLING } from '@cll/domain';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordService } from '../auth/password.service.js';
import { todayInChina } from '../common/date-only.js';
import { dataSourceOptions } from '../database/data-source.js';
import { seedPlaces } from '../testing/builders.js';
import { adminQuery, databaseUrl } from '../testing/database.js';
import { type Actor, makeActor, withSecondFactor } from '../testing/offer-builders.js';
import { createTestDatabase, startTestApp, type TestApp } from '../testing/test-app.js';
import { LATE_REPORTS } from './county/periods.js';
import { seedDemoData } from './demo-seed.js';
import { digest } from './demo-digest.js';
import { DEMO_TOWNSHIPS } from './demo-county.js';

/**
 * The demo county as a bureau first sees it: every headline card shown (not suppressed) and in a plausible range,
 * townships that differ, three years of trend, a closed year with a restatement; and the same county on every load.
 * Figures are worked out a second time here from the raw tables.
 */

const bearer = { type: 'bearer' } as const;
const HEADLINE = [
  C.Mys15Bulletin,
  C.Participation12m,
  C.ElderlyParticipation,
  C.ElderlyTownshipCoverage,
  C.VillagePointCoverage,
  C.SkillsTrainingVolume,
  C.ApprenticesActive,
];
const THIS_YEAR = Number(todayInChina().slice(0, 4));

interface Figure {
  code: C;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  trend: Array<{ year: number; value: number | null; frozen: boolean }>;
  restatement: { value: number | null; numerator: number | null; suppressed: boolean } | null;
  breakdowns: { township?: Array<{ key: string; value: number | null; suppressed: boolean }> };
}

let t: TestApp;
let bureau: Actor;
const dashboards = new Map<number, { status: string; indicators: Figure[] }>();
const figure = (year: number, code: C) =>
  dashboards.get(year)?.indicators.find((f) => f.code === code) as Figure;

let loaded: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemoData(t.db, new PasswordService());
  // Taken before the tests below use the county (the app's worker runs in the process and moves enrolments on).
  loaded = await digest(t.db);
  bureau = await makeActor(t, Role.Learner);
  await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'bureau_admin')`, [bureau.id]);
  await withSecondFactor(t, bureau); // a bureau administrator reads nothing before the second factor
  for (const year of [THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR]) {
    const res = await t.http.get(`/api/indicators?year=${year}`).auth(bureau.token, bearer).expect(200);
    dashboards.set(year, res.body);
  }
}, 600_000);
afterAll(() => t?.close());

describe('the demo county on the bureau dashboard', () => {
  it('shows every headline card with a figure, none suppressed, in a plausible range', () => {
    for (const code of HEADLINE) {
      const f = figure(THIS_YEAR, code);
      expect([code, f.suppressed, f.value === null]).toEqual([code, false, false]);
    }
    const value = (code: C) => figure(THIS_YEAR, code).value as number;
    expect(value(C.Mys15Bulletin)).toBeGreaterThan(8.5);
    expect(value(C.Mys15Bulletin)).toBeLessThan(9.8);
    expect(value(C.Participation12m)).toBeGreaterThan(0.08);
    expect(value(C.Participation12m)).toBeLessThan(0.25);
    expect(value(C.ElderlyParticipation)).toBeGreaterThan(0.06);
    expect(value(C.ElderlyParticipation)).toBeLessThan(0.2);
    expect(value(C.VillagePointCoverage)).toBeGreaterThan(0.25);
    expect(value(C.VillagePointCoverage)).toBeLessThan(0.8);
    expect(value(C.ElderlyTownshipCoverage)).toBeGreaterThanOrEqual(0.5);
    expect(value(C.SkillsTrainingVolume)).toBeGreaterThan(1000);
    expect(value(C.ApprenticesActive)).toBeGreaterThanOrEqual(20);
  });

  it('has townships whose years of schooling differ, each 7.5 to 10.5, the street offices above the mountains', async () => {
    const weights = YEARS_OF_SCHOOLING.bulletin as Record<string, number>;
    const rows: Array<{ code: string; attainment: string; people: number }> = await t.db.query(
      `SELECT township_code AS code, attainment, sum(count)::int AS people FROM population_cells
        WHERE age_from >= 15 GROUP BY 1, 2`,
    );
    const mys = new Map<string, { years: number; people: number }>();
    for (const r of rows) {
      const m = mys.get(r.code.trim()) ?? { years: 0, people: 0 };
      m.years += weights[r.attainment] * r.people;
      m.people += r.people;
      mys.set(r.code.trim(), m);
    }
    const byTownship = new Map([...mys].map(([code, m]) => [code, m.years / m.people]));
    expect(byTownship.size).toBe(DEMO_TOWNSHIPS.length);
    for (const value of byTownship.values()) {
      expect(value).toBeGreaterThanOrEqual(7.5);
      expect(value).toBeLessThanOrEqual(10.5);
    }
    expect(new Set([...byTownship.values()].map((v) => v.toFixed(1))).size).toBeGreaterThanOrEqual(8);
    const [chengguan, , , , , yunshan, , , meiling] = DEMO_TOWNSHIPS.map((d) => byTownship.get(d.code) ?? 0);
    expect(chengguan - Math.max(yunshan, meiling)).toBeGreaterThan(2);
    // The dashboard's township breakdown says the same.
    for (const cell of figure(THIS_YEAR, C.Mys15Bulletin).breakdowns.township ?? []) {
      expect(cell.value).toBeCloseTo(byTownship.get(cell.key.trim()) ?? -1, 6);
    }
  });

  it('has an ageing population with a plausible sex ratio, and different totals for men and women', async () => {
    const [row] = await t.db.query(
      `SELECT sum(count) FILTER (WHERE sex = 'male')::int AS men, sum(count) FILTER (WHERE sex = 'female')::int AS women,
              sum(count) FILTER (WHERE age_from >= 60)::float8 / sum(count) AS elderly_share,
              sum(count) FILTER (WHERE age_from < 15)::float8 / sum(count) AS children_share
         FROM population_cells`,
    );
    expect(row.men).not.toBe(row.women);
    expect((row.men / row.women) * 100).toBeGreaterThan(100);
    expect((row.men / row.women) * 100).toBeLessThan(110);
    expect(row.elderly_share).toBeGreaterThan(0.2);
    expect(row.elderly_share).toBeLessThan(0.35);
    expect(row.children_share).toBeGreaterThan(0.1);
  });

  it('counts participation as the raw tables do: residents 25-64 with a completion or signed hours in 12 months', async () => {
    const f = figure(THIS_YEAR, C.Participation12m);
    const [raw] = await t.db.query(
      `WITH w AS (SELECT $2::date AS first, $1::date AS last),
            people AS (
              SELECT r.learner_user_id AS uid FROM learning_records r, w
               WHERE r.completed_on BETWEEN w.first AND w.last
              UNION SELECT l.learner_user_id FROM lesson_progress l, w
               WHERE (l.completed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN w.first AND w.last
              UNION SELECT a.apprentice_user_id FROM apprenticeship_log_days d
                JOIN apprenticeship_log_weeks k ON k.id = d.week_id
                JOIN apprenticeship_agreements a ON a.id = k.agreement_id, w
               WHERE d.day BETWEEN w.first AND w.last AND k.workplace_status = 'signed')
       SELECT count(*)::int AS n FROM people JOIN learner_profiles p ON p.user_id = people.uid
        WHERE date_part('year', age($1::date, p.birth_date)) BETWEEN 25 AND 64`,
      [todayInChina(), rollingWindow(todayInChina(), '12m').first],
    );
    const [population] = await t.db.query(
      `SELECT sum(count)::int AS n FROM population_cells WHERE age_from >= 25 AND age_to <= 64`,
    );
    expect(f.denominator).toBe(population.n);
    // Signed school hours alone may add a person or two the query above does not count.
    expect(f.numerator).toBeGreaterThanOrEqual(raw.n);
    expect(f.numerator).toBeLessThanOrEqual(raw.n + 5);
  });

  it('keeps three years of trend on every headline card', () => {
    for (const code of HEADLINE) {
      const years = figure(THIS_YEAR, code).trend.map((p) => p.year);
      expect([code, years]).toEqual([code, [THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR]]);
    }
    const frozen = figure(THIS_YEAR, C.Completions).trend.find((p) => p.year === THIS_YEAR - 1);
    expect(frozen?.frozen).toBe(true);
  });

  it('shows last year closed, with the late reports as a restatement beside the frozen figure', async () => {
    const closed = dashboards.get(THIS_YEAR - 1);
    expect(closed?.status).toBe('closed');
    const completions = figure(THIS_YEAR - 1, C.Completions);
    expect(completions.restatement?.suppressed).toBe(false);
    expect((completions.restatement?.numerator ?? 0) - (completions.numerator ?? 0)).toBe(LATE_REPORTS);
    const [late] = await t.db.query(
      `SELECT count(*)::int AS n FROM learning_records r JOIN indicator_periods p ON p.year = $1
        WHERE date_part('year', r.completed_on) = $1 AND r.created_at > p.closed_at`,
      [THIS_YEAR - 1],
    );
    expect(late.n).toBe(LATE_REPORTS);
  });

  it('gives the coordinator early warnings and the demo mentor weeks to sign, in every agreement state', async () => {
    const states: Array<{ state: string; n: number }> = await t.db.query(
      `SELECT state, count(*)::int AS n FROM (
         SELECT DISTINCT ON (agreement_id) state_after AS state FROM apprenticeship_events
          WHERE state_after IS NOT NULL ORDER BY agreement_id, seq DESC) s GROUP BY state`,
    );
    const count = new Map(states.map((s) => [s.state, s.n]));
    for (const state of ['pending', 'active', 'paused', 'transferred', 'withdrawn', 'completed']) {
      expect([state, (count.get(state) ?? 0) > 0]).toEqual([state, true]);
    }
    expect([...count.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(40);
    const [weeks] = await t.db.query(
      `SELECT count(*) FILTER (WHERE k.workplace_status = 'submitted')::int AS waiting,
              count(*) FILTER (WHERE k.workplace_status = 'returned')::int AS returned
         FROM apprenticeship_log_weeks k JOIN apprenticeship_agreements a ON a.id = k.agreement_id
         JOIN users u ON u.id = a.enterprise_mentor_user_id WHERE u.mobile = '13800000004'`,
    );
    expect(weeks.waiting).toBeGreaterThanOrEqual(3);
    const [returned] = await t.db.query(
      `SELECT count(*)::int AS n FROM apprenticeship_log_weeks WHERE workplace_status = 'returned'`,
    );
    expect(returned.n).toBeGreaterThan(0);
  });
});

describe('the apprenticeship figures the bureau sees', () => {
  const APPRENTICESHIP: Array<[C, string]> = [
    [C.ApprenticesStarted, 'started'],
    [C.ApprenticesActive, 'active'],
    [C.ApprenticesCompleted, 'completed'],
    [C.ApprenticesWithdrawn, 'withdrawn'],
  ];

  it('shows every apprenticeship figure and township cell in all three years, none hidden', async () => {
    for (const year of [THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR]) {
      const last = year < THIS_YEAR ? `${year}-12-31` : todayInChina();
      // A second way: each agreement's events read one by one, counted per apprentice's township.
      const events: Array<{
        a: string;
        type: string;
        state: string | null;
        on: string;
        pred: string | null;
        t: string;
      }> = await t.db.query(
        `SELECT e.agreement_id AS a, e.type, e.state_after AS state, e.effective_date::text AS on,
                  g.predecessor_id AS pred, p.township_code AS t
             FROM apprenticeship_events e JOIN apprenticeship_agreements g ON g.id = e.agreement_id
             JOIN learner_profiles p ON p.user_id = g.apprentice_user_id ORDER BY e.agreement_id, e.seq`,
      );
      const raw = new Map<string, Map<string, number>>(APPRENTICESHIP.map(([, f]) => [f, new Map()]));
      const bump = (f: string, township: string) =>
        raw.get(f)?.set(township.trim(), (raw.get(f)?.get(township.trim()) ?? 0) + 1);
      type Event = (typeof events)[number];
      const byAgreement = new Map<string, Event[]>();
      for (const e of events) byAgreement.set(e.a, [...(byAgreement.get(e.a) ?? []), e]);
      const within = (e: Event | undefined) => !!e && e.on >= `${year}-01-01` && e.on <= last;
      for (const list of byAgreement.values()) {
        const first = (type: string) => list.find((e) => e.type === type);
        const township = list[0].t;
        if (!list[0].pred && within(first('activated'))) bump('started', township);
        const state = list.filter((e) => e.state && e.on <= last).at(-1)?.state;
        if (state === 'active') bump('active', township);
        if (within(first('completed'))) bump('completed', township);
        if (within(first('withdrawn'))) bump('withdrawn', township);
      }
      for (const [code, f] of APPRENTICESHIP) {
        const shown = figure(year, code);
        const cells = raw.get(f) as Map<string, number>;
        const total = [...cells.values()].reduce((a, b) => a + b, 0);
        expect([year, code, shown.suppressed, shown.value]).toEqual([year, code, false, total]);
        for (const cell of shown.breakdowns.township ?? []) {
          const n = cells.get(cell.key.trim()) ?? 0;
          expect([year, code, cell.key, cell.suppressed, cell.value]).toEqual([
            year,
            code,
            cell.key,
            false,
            n,
          ]);
        }
        // No township has one to four: the rule would hide it (and a complement with it).
        for (const [township, n] of cells)
          expect([year, code, township, n >= 5]).toEqual([year, code, township, true]);
      }
    }
    // This year and last have completions and withdrawals to show.
    for (const year of [THIS_YEAR - 1, THIS_YEAR]) {
      expect(figure(year, C.ApprenticesCompleted).value).toBeGreaterThanOrEqual(5);
      expect(figure(year, C.ApprenticesWithdrawn).value).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('village learning points over the years', () => {
  it('grows steadily: each year within a plausible band of the year before, the same as the raw sessions say', async () => {
    const values: number[] = [];
    for (const year of [THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR]) {
      const last = year < THIS_YEAR ? `${year}-12-31` : todayInChina();
      // A second way: villages with a class that was running on some day of the 90 days up to the reference date.
      const [raw] = await t.db.query(
        `SELECT count(DISTINCT s.village_code)::int AS held, (SELECT count(*)::int FROM villages) AS villages
           FROM course_sessions s
          WHERE s.cancelled_at IS NULL AND s.village_code IS NOT NULL
            AND (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date <= $1::date
            AND (s.ends_at AT TIME ZONE 'Asia/Shanghai')::date >= $1::date - 89`,
        [last],
      );
      const f = figure(year, C.VillagePointCoverage);
      expect([year, f.numerator, f.denominator]).toEqual([year, raw.held, raw.villages]);
      values.push(f.value as number);
    }
    // Points open a few a year (and a few lapse): no year moves more than a tenth of the villages, none falls by more
    // than five in a hundred.
    for (const [i, value] of values.entries()) {
      expect(value).toBeGreaterThan(0.15);
      expect(value).toBeLessThan(0.6);
      if (i === 0) continue;
      expect(value - values[i - 1]).toBeGreaterThan(-0.05);
      expect(value - values[i - 1]).toBeLessThan(0.12);
    }
  });
});

describe('the demo accounts have histories of their own', () => {
  const byMobile = (mobile: string) =>
    t.db.query(`SELECT id FROM users WHERE mobile = $1`, [mobile]).then((r) => r[0].id as string);

  it('gives the demo learner completions at several providers, each with a certificate whose PDF is queued', async () => {
    const learner = await byMobile('13800000001');
    const records: Array<{ provider_id: string; certificate: string | null; job: string | null }> =
      await t.db.query(
        `SELECT r.provider_id, k.id AS certificate, j.job_id AS job FROM learning_records r
         JOIN enrolments e ON e.id = r.enrolment_id AND e.status = 'completed' AND e.learner_user_id = r.learner_user_id
         LEFT JOIN certificates k ON k.record_id = r.id AND k.revoked_at IS NULL
         LEFT JOIN job_outbox j ON j.job_id = 'certificate-pdf:' || k.id AND j.name = 'certificate-pdf'
        WHERE r.learner_user_id = $1`,
        [learner],
      );
    expect(records.length).toBeGreaterThanOrEqual(4);
    expect(new Set(records.map((r) => r.provider_id)).size).toBeGreaterThanOrEqual(3);
    for (const r of records) expect([r.certificate !== null, r.job !== null]).toEqual([true, true]);
    // The certificates verify publicly.
    const [first] = await t.db.query(
      `SELECT verification_code FROM certificates WHERE learner_user_id = $1`,
      [learner],
    );
    const verified = await t.http.get(`/api/verify/${first.verification_code}`).expect(200);
    expect(verified.body.status).toBe('valid');
  });

  it('has her halfway through an online course and on the waitlist of a full class', async () => {
    const learner = await byMobile('13800000001');
    const [online] = await t.db.query(
      `SELECT (SELECT count(*) FROM lessons l WHERE l.course_id = e.course_id AND l.required)::int AS lessons,
              (SELECT count(*) FROM lesson_progress p WHERE p.course_id = e.course_id AND p.learner_user_id = $1
                  AND p.completed_at IS NOT NULL)::int AS done
         FROM enrolments e WHERE e.learner_user_id = $1 AND e.status = 'enrolled'`,
      [learner],
    );
    expect(online.done).toBeGreaterThan(0);
    expect(online.done).toBeLessThan(online.lessons);
    const [waiting] = await t.db.query(
      `SELECT s.capacity, s.enrolled_count,
              (SELECT count(*) FROM enrolments x WHERE x.session_id = s.id AND x.status = 'enrolled')::int AS seated
         FROM enrolments e JOIN course_sessions s ON s.id = e.session_id
        WHERE e.learner_user_id = $1 AND e.status = 'waitlisted'`,
      [learner],
    );
    expect(waiting.seated).toBe(waiting.capacity);
    expect(waiting.enrolled_count).toBe(waiting.capacity);
  });

  it('gives the demo apprentice months of signed weeks, one returned and one waiting', async () => {
    const [weeks] = await t.db.query(
      `SELECT count(*) FILTER (WHERE k.workplace_status = 'signed')::int AS signed,
              count(*) FILTER (WHERE k.workplace_status = 'returned' AND k.workplace_comment IS NOT NULL)::int AS returned,
              count(*) FILTER (WHERE k.workplace_status = 'submitted')::int AS waiting
         FROM apprenticeship_log_weeks k JOIN apprenticeship_agreements a ON a.id = k.agreement_id
         JOIN users u ON u.id = a.apprentice_user_id WHERE u.mobile = '13800000007'`,
    );
    expect(weeks.signed).toBeGreaterThanOrEqual(20);
    expect([weeks.returned, weeks.waiting]).toEqual([1, 1]);
  });

  it('leaves the school a roster import whose rejected rows give the reasons the import job gives', async () => {
    const [job] = await t.db.query(
      `SELECT i.* FROM roster_imports i JOIN users u ON u.id = i.uploaded_by_user_id WHERE u.mobile = '13800000002'`,
    );
    const rows = (job.csv as string)
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    const registered = new Set(
      (await t.db.query(`SELECT mobile FROM users WHERE mobile = ANY($1)`, [rows])).map(
        (r: { mobile: string }) => r.mobile,
      ),
    );
    // The rule again, row by row: a malformed number, an unregistered one, a row repeating an earlier one.
    const expected = rows.flatMap((mobile, i) => {
      const code = !/^1[3-9]\d{9}$/.test(mobile)
        ? 'VALIDATION_FAILED'
        : !registered.has(mobile)
          ? 'LEARNER_NOT_FOUND'
          : rows.indexOf(mobile) < i
            ? 'ENROLMENT_DUPLICATE'
            : null;
      return code ? [{ line: i + 2, code }] : [];
    });
    const rejected = (job.rejected_rows as Array<{ line: number; code: string }>).map(({ line, code }) => ({
      line,
      code,
    }));
    expect(rejected).toEqual(expected);
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    const [enrolled] = await t.db.query(
      `SELECT count(*)::int AS n FROM enrolments WHERE session_id = $1 AND source = 'roster'`,
      [job.session_id],
    );
    expect([job.status, job.total, job.enrolled]).toEqual(['done', rows.length, enrolled.n]);
    expect(job.enrolled + rejected.length).toBe(rows.length);
  });
});

describe('the demo county is deterministic', () => {
  it('loads the same county into a second database from the same seed', async () => {
    const name = await createTestDatabase();
    const second = await new DataSource(dataSourceOptions(databaseUrl(name), 2)).initialize();
    try {
      // The same places as the first database (startTestApp adds two test townships).
      await seedPlaces(second);
      await seedDemoData(second, new PasswordService());
      const [a, b] = [loaded, await digest(second)];
      // Both have rows of every kind, and the same rows.
      for (const value of Object.values(a)) expect(Number(value.split(':')[0])).toBeGreaterThan(0);
      expect(b).toEqual(a);
    } finally {
      await second.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }, 600_000);
});

describe('adult upgrading in the demo county', () => {
  it('has academic graduates in the closed year and this year, each having finished every course of the programme', async () => {
    const byYear: Array<{ year: number; n: number; raised: number }> = await t.db.query(
      `SELECT extract(year FROM e.effective_on)::int AS year, count(*)::int AS n,
              count(*) FILTER (WHERE e.attainment_after <> e.attainment_before)::int AS raised
         FROM attainment_events e WHERE e.source = 'programme_completion' GROUP BY 1 ORDER BY 1`,
    );
    const thisYear = Number(todayInChina().slice(0, 4));
    for (const year of [thisYear - 1, thisYear]) {
      const row = byYear.find((r) => r.year === year);
      expect(row?.n, String(year)).toBeGreaterThanOrEqual(50);
      expect(row?.raised).toBe(row?.n);
    }
    const [{ missing }] = await t.db.query(
      `SELECT count(*)::int AS missing FROM attainment_events e
         JOIN courses c ON c.programme_id = e.programme_id AND c.status = 'published'
        WHERE e.source = 'programme_completion'
          AND NOT EXISTS (SELECT 1 FROM learning_records r WHERE r.course_id = c.id
                             AND r.learner_user_id = e.learner_user_id AND r.completed_on <= e.effective_on)`,
    );
    expect(missing).toBe(0);
    // The upgrading figure of the closed year is no longer 0: Σ years gained ÷ residents 15+.
    const [frozen] = await t.db.query(
      `SELECT f FROM indicator_snapshots s, jsonb_array_elements(s.results::jsonb -> 'indicators') f
        WHERE s.year = $1 AND s.kind = 'frozen' AND f->>'code' = 'mys15_upgrading'`,
      [thisYear - 1],
    );
    expect(Number(frozen.f.value)).toBeGreaterThan(0.001);
    expect(Number(frozen.f.people)).toBe(byYear.find((r) => r.year === thisYear - 1)?.n);
  });
});
