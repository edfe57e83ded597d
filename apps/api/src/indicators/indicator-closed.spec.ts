import { IndicatorCode as C, Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1, VILLAGE_B1 } from '../testing/builders.js';
import {
  type CourseRef,
  indicatorCourse,
  insertCompletion,
  insertResident,
} from '../testing/indicator-builders.js';
import { type Actor, makeActor, makeProvider, withSecondFactor } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * A closed year is immutable in every view: asked in any band the baseline serves it answers with its stored
 * figures byte for byte, and what depends on the band is labelled as computed live, never closed; later data shows
 * as restatements in the headline and in every table, hidden where fewer than 5 people are behind a change.
 */
const bearer = { type: 'bearer' } as const;
let t: TestApp;
let admin: Actor;
let course: CourseRef;

interface Cell {
  key: string;
  numerator: number | null;
  restatement: {
    value: number | null;
    numerator: number | null;
    difference: number | null;
    suppressed: boolean;
  } | null;
}
interface Figure {
  code: C;
  basis: string;
  value: number | null;
  restatement: Cell['restatement'];
  breakdowns: Record<string, Cell[]>;
}

async function residents(count: number, township: string, village: string, on: string) {
  for (let i = 0; i < count; i += 1) {
    const id = await insertResident(t, { birthDate: '1990-03-03', sex: 'male', township, village });
    await insertCompletion(t, id, course, on, 'community_life', true);
  }
}

async function dashboard(query = '') {
  const res = await t.http.get(`/api/indicators?year=2025${query}`).auth(admin.token, bearer).expect(200);
  return res.body as { status: string; indicators: Figure[]; ageBand: unknown };
}
const byCode = (d: { indicators: Figure[] }, code: C) => d.indicators.find((f) => f.code === code) as Figure;

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeActor(t, Role.Learner);
  await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'bureau_admin')`, [admin.id]);
  await withSecondFactor(t, admin);
  const [b] = await t.db.query(
    `INSERT INTO population_baselines (name, source, year, status, csv, total_rows, processed_rows, population,
                                       uploaded_by_user_id, finished_at)
     VALUES ('测试基数', 'census', 2020, 'ready', '', 0, 0, 0, $1, now()) RETURNING id`,
    [admin.id],
  );
  for (const township of [TOWNSHIP_A, TOWNSHIP_B]) {
    for (const [from, to] of [
      [0, 14],
      [15, 24],
      [25, 59],
      [60, 64],
      [65, null],
    ] as const) {
      await t.db.query(
        `INSERT INTO population_cells (baseline_id, township_code, age_from, age_to, sex, attainment, count)
         VALUES ($1, $2, $3, $4, 'male', 'junior_secondary', 1000)`,
        [b.id, township, from, to],
      );
    }
  }
  const providerId = await makeProvider(t);
  const staff = await makeActor(t, Role.ProviderStaff, providerId);
  course = await indicatorCourse(
    t,
    staff,
    providerId,
    { kind: 'community', title: '社区' },
    'community_life',
  );
  await residents(12, TOWNSHIP_A, VILLAGE_A1, '2025-05-05');
  await residents(8, TOWNSHIP_B, VILLAGE_B1, '2025-06-06');
  await t.http.post('/api/indicators/2025/recompute').auth(admin.token, bearer).expect(200);
  await t.http.post('/api/indicators/periods/2025/close').auth(admin.token, bearer).expect(201);
});
afterAll(async () => {
  await t.close();
});

describe('a closed year', () => {
  it('shows a late completion as a restatement in the township table, and hides one from fewer than 5 people', async () => {
    // Six residents of township A report completions of 2025 after the close.
    await residents(6, TOWNSHIP_A, VILLAGE_A1, '2025-10-10');
    await t.http.post('/api/indicators/2025/recompute').auth(admin.token, bearer).expect(200);
    let d = await dashboard();
    let completions = byCode(d, C.Completions);
    expect(completions).toMatchObject({
      basis: 'closed',
      value: 20,
      restatement: { value: 26, numerator: 26, difference: 6, suppressed: false },
    });
    const townships = (f: Figure) => Object.fromEntries(f.breakdowns.township.map((c) => [c.key, c]));
    expect(townships(completions)[TOWNSHIP_A]).toMatchObject({
      numerator: 12,
      restatement: { value: 18, numerator: 18, difference: 6, suppressed: false },
    });
    expect(townships(completions)[TOWNSHIP_B]).toMatchObject({ numerator: 8, restatement: null });
    // The same in every breakdown and in the rate beside it.
    expect(completions.breakdowns.category[0].restatement).toMatchObject({ difference: 6 });
    expect(townships(byCode(d, C.Participation12m))[TOWNSHIP_A].restatement).toMatchObject({
      numerator: 18,
      suppressed: false,
    });

    // One more, in township B: its change of one person is hidden, and with it the other changes of the line,
    // which would give it away as the difference from the total's.
    await residents(1, TOWNSHIP_B, VILLAGE_B1, '2025-11-11');
    await t.http.post('/api/indicators/2025/recompute').auth(admin.token, bearer).expect(200);
    d = await dashboard();
    completions = byCode(d, C.Completions);
    expect(completions.restatement).toMatchObject({ value: 27, difference: 7, suppressed: false });
    expect(townships(completions)[TOWNSHIP_B].restatement).toEqual({
      value: null,
      numerator: null,
      difference: null,
      suppressed: true,
    });
    expect(townships(completions)[TOWNSHIP_A].restatement).toMatchObject({
      difference: null,
      suppressed: true,
    });
  });

  it('answers in every band the baseline serves with the frozen figures, byte for byte, or labels them live', async () => {
    const [before] = await t.db.query(
      `SELECT count(*)::int AS n, max(computed_at) AS at FROM indicator_snapshots`,
    );
    const reference = await dashboard();
    expect(reference.status).toBe('closed');
    const asJson = (f: Figure) => JSON.stringify(f);
    for (const [from, to] of [
      [15, 59],
      [25, 59],
      [60, 64],
      [15, 64],
      [25, 64],
    ]) {
      const d = await dashboard(`&ageFrom=${from}&ageTo=${to}`);
      expect(d.status).toBe('closed');
      for (const f of d.indicators) {
        const stored = byCode(reference, f.code);
        if (f.basis === 'closed') expect(asJson(f)).toBe(asJson(stored));
        else {
          // Only the figures that depend on the band, and never labelled closed.
          expect([C.Participation12m, C.Participation4w]).toContain(f.code);
          expect(f.basis).toBe('live');
          expect(f.restatement).toBeNull();
        }
      }
      const live = d.indicators.filter((f) => f.basis !== 'closed').length;
      expect(live).toBe(from === 25 && to === 64 ? 0 : 2);
    }
    // None of those reads wrote anything.
    const [after] = await t.db.query(
      `SELECT count(*)::int AS n, max(computed_at) AS at FROM indicator_snapshots`,
    );
    expect(after).toEqual(before);
  });

  it('restates a year closed under an earlier definition only within that definition, and shows the new one apart', async () => {
    // 2024 was published under version 1 of the upgrading figure (it summed completion records: each of the six
    // residents counted twice); the figure is version 2 now.
    const providerId = await makeProvider(t, 'approved', '开放大学');
    const staff = await makeActor(t, Role.ProviderStaff, providerId);
    const academic = await indicatorCourse(
      t,
      staff,
      providerId,
      { kind: 'academic', title: '成人中专', confersAttainment: 'secondary_vocational' },
      'academic',
    );
    for (let i = 0; i < 6; i += 1) {
      const id = await insertResident(t, {
        birthDate: '1990-03-03',
        sex: 'male',
        township: TOWNSHIP_A,
        village: VILLAGE_A1,
        attainment: 'junior_secondary',
      });
      await insertCompletion(t, id, academic, '2024-04-04', 'academic', false);
    }
    await t.http.post('/api/indicators/2024/recompute').auth(admin.token, bearer).expect(200);
    const [row] = await t.db.query(
      `SELECT results FROM indicator_snapshots WHERE year = 2024 AND kind = 'provisional'`,
    );
    const results = JSON.parse(row.results as string) as {
      indicators: Array<{
        code: C;
        version: number;
        numerator: number;
        value: number | null;
        denominator: number;
      }>;
    };
    const now = results.indicators.find((f) => f.code === C.UpgradingContribution);
    expect(now).toMatchObject({ version: 2, numerator: 18, denominator: 8000 });
    const published = results.indicators.map((f) =>
      f.code === C.UpgradingContribution ? { ...f, version: 1, numerator: 36, value: 36 / 8000 } : f,
    );
    await t.db.query(
      `INSERT INTO indicator_snapshots (year, kind, baseline_id, results, checksum, computed_at)
       VALUES (2024, 'frozen', (SELECT baseline_id FROM indicator_snapshots WHERE year = 2024 AND kind = 'provisional'),
               $1, 'v1', now() - interval '300 days')`,
      [JSON.stringify({ ...results, indicators: published })],
    );
    await t.db.query(
      `INSERT INTO indicator_periods (year, status, closed_at) VALUES (2024, 'closed', now())`,
    );

    const res = await t.http.get('/api/indicators?year=2024').auth(admin.token, bearer).expect(200);
    const upgrading = byCode(res.body as { indicators: Figure[] }, C.UpgradingContribution) as Figure & {
      version: number;
      definitionChange: unknown;
    };
    // The frozen version-1 figure stays; version 2 is not passed off as a correction of it, but shown apart.
    expect(upgrading).toMatchObject({ basis: 'closed', version: 1, value: 36 / 8000, restatement: null });
    expect(upgrading.definitionChange).toEqual({
      fromVersion: 1,
      toVersion: 2,
      value: 18 / 8000,
      suppressed: false,
    });
    // Figures whose definition did not change have no such entry, and nothing moved in them.
    for (const f of (res.body as { indicators: Array<Figure & { definitionChange: unknown }> }).indicators) {
      if (f.code !== C.UpgradingContribution) expect(f.definitionChange, f.code).toBeNull();
    }
    // A correction within version 1 (a later completion) would be a restatement; across versions it never is.
    const moved = await t.http
      .get('/api/data-quality/moved-figures?year=2024')
      .auth(admin.token, bearer)
      .expect(200);
    const codes = [...moved.body.moved, ...moved.body.hidden].map((m: { code: C }) => m.code);
    expect(codes).not.toContain(C.UpgradingContribution);
  });
});
