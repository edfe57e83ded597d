import { IndicatorCode } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import { todayInChina } from '../common/date-only.js';
import { populationCells, townshipProfiles } from './county/population.js';
import { drawResidents, insertHistory, insertResidents } from './county/residents.js';

/** The demo county's seed: change it and another, equally plausible county is drawn. */
export const DEMO_COUNTY_SEED = 20260101;

/**
 * Demo indicators: a census-style baseline of the demo county (about 150,000 residents, townships that differ), the
 * action plan's targets, and the registered residents with two to three years of learning in past classes of the demo
 * catalogue, so the bureau's dashboard has figures, trends and township differences to show. Everything is drawn from
 * `seed` (see docs/demo-county.md); the same seed on the same day gives the same county.
 */
export async function seedDemoIndicators(
  m: EntityManager,
  uploadedByUserId: string,
  seed = DEMO_COUNTY_SEED,
): Promise<void> {
  const today = todayInChina();
  const profiles = townshipProfiles(seed);
  const cells = populationCells(profiles);
  const rows: Array<[string, number, number | null, string, string, number]> = cells.map((c) => [
    c.townshipCode,
    c.ageFrom,
    c.ageTo,
    c.sex,
    c.attainment,
    c.count,
  ]);
  const csv = [
    'township_code,age_band,sex,attainment,count',
    ...rows.map(([c, f, to, s, l, n]) => `${c},${to === null ? `${f}+` : `${f}-${to}`},${s},${l},${n}`),
  ].join('\n');
  const [baseline] = await m.query<Array<{ id: string }>>(
    `INSERT INTO population_baselines (name, source, year, status, csv, total_rows, processed_rows, population,
                                       uploaded_by_user_id, finished_at)
     VALUES ('青溪县第七次全国人口普查（示例数据）', 'census', 2020, 'ready', $1, $2, $2, $3, $4, now()) RETURNING id`,
    [csv, rows.length, rows.reduce((sum, r) => sum + r[5], 0), uploadedByUserId],
  );
  await m.query(
    `INSERT INTO population_cells (baseline_id, township_code, age_from, age_to, sex, attainment, count)
     SELECT $1, t, f, NULLIF(a, -1), s, l, c
       FROM unnest($2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::int[]) AS x(t, f, a, s, l, c)`,
    [
      baseline.id,
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
      rows.map((r) => r[2] ?? -1),
      rows.map((r) => r[3]),
      rows.map((r) => r[4]),
      rows.map((r) => r[5]),
    ],
  );
  const thisYear = Number(todayInChina().slice(0, 4));
  const targets: Array<[IndicatorCode, number]> = [
    [IndicatorCode.Mys15Bulletin, 9.6],
    [IndicatorCode.Participation12m, 0.5],
    [IndicatorCode.ElderlyParticipation, 0.2],
    [IndicatorCode.ElderlyTownshipCoverage, 0.5],
    [IndicatorCode.VillagePointCoverage, 0.3],
    [IndicatorCode.SkillsTrainingVolume, 4000],
    [IndicatorCode.ApprenticesStarted, 30],
    [IndicatorCode.ApprenticesActive, 40],
  ];
  for (const year of [thisYear - 2, thisYear - 1, thisYear]) {
    for (const [code, value] of targets) {
      await m.query(
        `INSERT INTO indicator_targets (code, year, value, set_by_user_id) VALUES ($1, $2, $3, $4)`,
        [code, year, value, uploadedByUserId],
      );
    }
  }
  const residents = drawResidents(profiles, cells, seed, today);
  await insertResidents(m, seed, residents);
  await insertHistory(m, seed, today);
}
