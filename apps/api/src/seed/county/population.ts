import { ATTAINMENT_LEVELS, AttainmentLevel, Sex, SEXES } from '@cll/domain';
import { DEMO_TOWNSHIPS } from '../demo-county.js';
import { Rng } from '../catalogue/prng.js';

/**
 * The demo county's population baseline (a census-style table: township × five-year age band × sex × attainment),
 * generated from a seed. The assumptions are written down in docs/demo-county.md: an ageing county of about 150,000
 * residents, two urban street offices that are younger and better schooled, market towns in between, and four
 * mountain townships that are older and less schooled, so average years of schooling differ by township.
 */

export type TownshipKind = 'urban' | 'town' | 'mountain';

export interface TownshipProfile {
  code: string;
  kind: TownshipKind;
  /** Residents on the census day. */
  population: number;
  /** Shifts attainment up (positive) or down (negative): the weight of level r is multiplied by e^(tilt·r). */
  tilt: number;
  /** Shifts the age pyramid: positive means fewer working-age residents (they left for work) and more elderly. */
  ageing: number;
}

/** Kind, population and character of each demo township, in the order of DEMO_TOWNSHIPS. */
const PROFILES: Array<[TownshipKind, number, number, number]> = [
  ['urban', 52_000, 0.4, -0.35], // 城关街道: the county seat
  ['town', 30_000, 0.12, -0.1], // 溪口镇: industrial park
  ['town', 22_000, 0, 0],
  ['town', 19_000, -0.05, 0.05],
  ['mountain', 11_000, -0.2, 0.35], // 龙泉乡
  ['mountain', 9_000, -0.25, 0.45], // 云山乡: tea hills
  ['town', 18_000, -0.08, 0.1],
  ['town', 16_000, -0.04, 0.05],
  ['mountain', 8_500, -0.24, 0.5], // 梅岭乡: the most remote
  ['town', 21_000, 0.04, 0],
  ['mountain', 10_500, -0.16, 0.3], // 双河乡
  ['urban', 34_000, 0.34, -0.25], // 南湖街道: the new district
];

/**
 * The county's size against the figures above (about 250,000 residents): 0.6 gives about 150,000, a mountain county
 * of the usual size, and keeps the demo load fast (registered residents and their history scale with it).
 */
const SCALE = 0.6;

/** Share of residents by five-year band 0-4 … 95-99 and 100+ (an ageing county, before township shifts). */
const AGE_SHARES = [
  0.038, 0.045, 0.048, 0.044, 0.042, 0.05, 0.058, 0.062, 0.07, 0.08, 0.085, 0.082, 0.078, 0.07, 0.06, 0.045,
  0.03, 0.017, 0.0045, 0.001, 0.0005,
];

/** Rank of each level on the tilt scale (secondary vocational sits beside senior secondary). */
const RANK: Record<AttainmentLevel, number> = {
  [AttainmentLevel.None]: 0,
  [AttainmentLevel.Primary]: 1,
  [AttainmentLevel.JuniorSecondary]: 2,
  [AttainmentLevel.SeniorSecondary]: 3,
  [AttainmentLevel.SecondaryVocational]: 3,
  [AttainmentLevel.JuniorCollege]: 4,
  [AttainmentLevel.Bachelor]: 4.5,
  [AttainmentLevel.Postgraduate]: 5,
};

type Mix = Record<AttainmentLevel, number>;

/** Attainment mix by age: children are counted at the level they attend, older residents had less schooling. */
function baseMix(ageFrom: number): Mix {
  const mix = (
    n: number,
    p: number,
    j: number,
    s: number,
    v: number,
    c: number,
    b: number,
    g: number,
  ): Mix => ({
    [AttainmentLevel.None]: n,
    [AttainmentLevel.Primary]: p,
    [AttainmentLevel.JuniorSecondary]: j,
    [AttainmentLevel.SeniorSecondary]: s,
    [AttainmentLevel.SecondaryVocational]: v,
    [AttainmentLevel.JuniorCollege]: c,
    [AttainmentLevel.Bachelor]: b,
    [AttainmentLevel.Postgraduate]: g,
  });
  if (ageFrom < 5) return mix(1, 0, 0, 0, 0, 0, 0, 0);
  if (ageFrom < 10) return mix(0.1, 0.9, 0, 0, 0, 0, 0, 0);
  if (ageFrom < 15) return mix(0, 0.5, 0.5, 0, 0, 0, 0, 0);
  if (ageFrom < 20) return mix(0, 0.02, 0.3, 0.38, 0.3, 0, 0, 0);
  if (ageFrom < 35) return mix(0.01, 0.06, 0.33, 0.18, 0.14, 0.14, 0.12, 0.02);
  if (ageFrom < 50) return mix(0.02, 0.16, 0.46, 0.14, 0.08, 0.08, 0.05, 0.01);
  if (ageFrom < 65) return mix(0.05, 0.34, 0.42, 0.11, 0.03, 0.03, 0.02, 0);
  return mix(0.22, 0.5, 0.2, 0.06, 0.01, 0.01, 0, 0);
}

function tilted(mix: Mix, tilt: number): Mix {
  const weights = ATTAINMENT_LEVELS.map((l) => mix[l] * Math.exp(tilt * RANK[l]));
  const total = weights.reduce((a, b) => a + b, 0);
  return Object.fromEntries(ATTAINMENT_LEVELS.map((l, i) => [l, weights[i] / total])) as Mix;
}

/** Age shares of a township: `ageing` moves people from the working ages (20-49) to 60+. */
function ageShares(ageing: number): number[] {
  const shifted = AGE_SHARES.map((share, band) => {
    const from = band * 5;
    if (from >= 20 && from < 50) return share * (1 - 0.45 * ageing);
    if (from >= 60) return share * (1 + 0.6 * ageing);
    if (from < 15) return share * (1 - 0.1 * ageing);
    return share;
  });
  const total = shifted.reduce((a, b) => a + b, 0);
  return shifted.map((s) => s / total);
}

/** Share of men by age: more boys among the young (sex ratio at birth), more women among the very old. */
function maleShare(ageFrom: number, kind: TownshipKind): number {
  const migration = kind === 'mountain' && ageFrom >= 20 && ageFrom < 50 ? 0.015 : 0;
  if (ageFrom < 20) return 0.54;
  if (ageFrom < 40) return 0.525 + migration;
  if (ageFrom < 60) return 0.515 + migration;
  if (ageFrom < 70) return 0.5;
  if (ageFrom < 80) return 0.475;
  if (ageFrom < 90) return 0.42;
  return 0.35;
}

export function townshipProfiles(seed: number): TownshipProfile[] {
  const rng = new Rng(seed ^ 0x5eed_0001);
  return DEMO_TOWNSHIPS.map((t, i) => {
    const [kind, population, tilt, ageing] = PROFILES[i];
    return {
      code: t.code,
      kind,
      // Up to ±4 % on the population and a little on schooling, so another seed gives another county.
      population: Math.round((population * SCALE * (0.96 + 0.08 * rng.next())) / 10) * 10,
      tilt: tilt + (rng.next() - 0.5) * 0.04,
      ageing,
    };
  });
}

export interface PopulationCell {
  townshipCode: string;
  ageFrom: number;
  ageTo: number | null;
  sex: Sex;
  attainment: AttainmentLevel;
  count: number;
}

export function populationCells(profiles: TownshipProfile[]): PopulationCell[] {
  const cells: PopulationCell[] = [];
  for (const p of profiles) {
    ageShares(p.ageing).forEach((share, band) => {
      const ageFrom = band * 5;
      const ageTo = band === AGE_SHARES.length - 1 ? null : ageFrom + 4;
      const mix = ageFrom < 15 ? baseMix(ageFrom) : tilted(baseMix(ageFrom), p.tilt);
      for (const sex of SEXES) {
        const men = maleShare(ageFrom, p.kind);
        const people = p.population * share * (sex === Sex.Male ? men : 1 - men);
        for (const level of ATTAINMENT_LEVELS) {
          const count = Math.round(people * mix[level]);
          if (count > 0) cells.push({ townshipCode: p.code, ageFrom, ageTo, sex, attainment: level, count });
        }
      }
    });
  }
  return cells;
}
