/**
 * County indicators: the pure formulas (unit-tested here, computed in PostgreSQL by the API over the same rules),
 * the registry of versioned definitions, age bands of population baselines, and small-cell suppression.
 */
import { AttainmentLevel } from './people.js';

// ---- Years of schooling -----------------------------------------------------------------------------------------

export enum YearsPreset {
  /** The census bulletin weights: 大专及以上 = 16. */
  Bulletin = 'bulletin',
  /** The analyst's finer weights: 大专 15, 本科 16, 研究生 19. Must be labelled when shown. */
  Fine = 'fine',
}

export const YEARS_OF_SCHOOLING: Record<YearsPreset, Record<AttainmentLevel, number>> = {
  [YearsPreset.Bulletin]: {
    [AttainmentLevel.None]: 0,
    [AttainmentLevel.Primary]: 6,
    [AttainmentLevel.JuniorSecondary]: 9,
    [AttainmentLevel.SeniorSecondary]: 12,
    [AttainmentLevel.SecondaryVocational]: 12,
    [AttainmentLevel.JuniorCollege]: 16,
    [AttainmentLevel.Bachelor]: 16,
    [AttainmentLevel.Postgraduate]: 16,
  },
  [YearsPreset.Fine]: {
    [AttainmentLevel.None]: 0,
    [AttainmentLevel.Primary]: 6,
    [AttainmentLevel.JuniorSecondary]: 9,
    [AttainmentLevel.SeniorSecondary]: 12,
    [AttainmentLevel.SecondaryVocational]: 12,
    [AttainmentLevel.JuniorCollege]: 15,
    [AttainmentLevel.Bachelor]: 16,
    [AttainmentLevel.Postgraduate]: 19,
  },
};

/** MYS = Σ P_l · y_l / Σ P_l over the residents counted (aged 15+ for the headline). Null without residents. */
export function meanYearsOfSchooling(
  counts: Partial<Record<AttainmentLevel, number>>,
  preset: YearsPreset,
): number | null {
  let people = 0;
  let years = 0;
  for (const [level, count] of Object.entries(counts) as Array<[AttainmentLevel, number]>) {
    people += count;
    years += count * YEARS_OF_SCHOOLING[preset][level];
  }
  return people > 0 ? years / people : null;
}

/** ΔMYS ≈ Σ n_k · Δy_k / P_15+ for adults whose attainment rose through a completed academic programme. */
export function upgradingContribution(
  upgrades: Array<{ from: AttainmentLevel; to: AttainmentLevel; count: number }>,
  population15: number,
  preset: YearsPreset,
): number | null {
  if (population15 <= 0) return null;
  const years = YEARS_OF_SCHOOLING[preset];
  const gained = upgrades.reduce((sum, u) => sum + u.count * Math.max(0, years[u.to] - years[u.from]), 0);
  return gained / population15;
}

/** numerator ÷ denominator, or null when the denominator is missing or zero. */
export function rate(numerator: number, denominator: number | null): number | null {
  return denominator && denominator > 0 ? numerator / denominator : null;
}

// ---- Age bands -------------------------------------------------------------------------------------------------

export interface AgeBand {
  from: number;
  /** Inclusive upper age; null for the open band such as 100+. */
  to: number | null;
}

const BAND_PATTERN = /^(\d{1,3})(?:-(\d{1,3})|\+)$/;

/** Parses "15-19" or "100+"; null when the text is not a band. */
export function parseAgeBand(text: string): AgeBand | null {
  const m = BAND_PATTERN.exec(text.trim());
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] === undefined ? null : Number(m[2]);
  if (to !== null && to < from) return null;
  return { from, to };
}

export function formatAgeBand(band: AgeBand): string {
  return band.to === null ? `${band.from}+` : `${band.from}-${band.to}`;
}

/**
 * Whether a set of bands tiles 0 to an open top band exactly (no gap, no overlap); returns the problem, or null.
 */
export function agebandTilingProblem(bands: AgeBand[]): string | null {
  const sorted = [...new Map(bands.map((b) => [formatAgeBand(b), b])).values()].sort(
    (a, b) => a.from - b.from,
  );
  if (!sorted.length) return 'no age bands';
  if (sorted[0].from !== 0) return `the bands start at ${sorted[0].from}, not 0`;
  for (let i = 0; i < sorted.length; i += 1) {
    const band = sorted[i];
    const next = sorted[i + 1];
    if (band.to === null) return next ? `the open band ${formatAgeBand(band)} is not the last` : null;
    if (!next) return `the last band ${formatAgeBand(band)} is not open-ended (such as 100+)`;
    if (next.from !== band.to + 1) {
      return next.from <= band.to
        ? `${formatAgeBand(band)} and ${formatAgeBand(next)} overlap`
        : `ages ${band.to + 1}-${next.from - 1} are missing`;
    }
  }
  return null;
}

export type TilingProblemCode =
  'BANDS_NOT_FROM_ZERO' | 'BANDS_OVERLAP' | 'BANDS_GAP' | 'BANDS_OPEN_NOT_LAST' | 'BANDS_NO_OPEN_TOP';

export interface TilingProblem {
  code: TilingProblemCode;
  /** The bands involved, as written (15-24, 100+). */
  bands: string[];
  /** The first line of the file carrying each band involved, in the same order. */
  lines: number[];
  /** For a gap: the missing ages (20-24). */
  gap?: string;
  message: string;
}

/**
 * Every way a file's age bands fail to tile 0 to an open top band, each naming the bands and the lines involved
 * (the first line carrying each band): both bands of an overlap, the bands on either side of a gap, the first band
 * when it does not start at 0, the last when it is not open-ended.
 */
export function bandTilingProblems(rows: Array<{ band: AgeBand; line: number }>): TilingProblem[] {
  const first = new Map<string, { band: AgeBand; line: number }>();
  for (const r of rows) {
    const key = formatAgeBand(r.band);
    const seen = first.get(key);
    if (!seen || r.line < seen.line) first.set(key, r);
  }
  const bands = [...first.values()].sort(
    (a, b) => a.band.from - b.band.from || (a.band.to ?? Infinity) - (b.band.to ?? Infinity),
  );
  if (!bands.length) return [];
  const name = (b: { band: AgeBand }) => formatAgeBand(b.band);
  const problems: TilingProblem[] = [];
  const head = bands[0];
  if (head.band.from !== 0) {
    problems.push({
      code: 'BANDS_NOT_FROM_ZERO',
      bands: [name(head)],
      lines: [head.line],
      message: `The bands start at ${name(head)} (line ${head.line}), not at 0.`,
    });
  }
  // The band reaching furthest so far: each next band must start the year after it ends.
  let cover = head;
  for (const next of bands.slice(1)) {
    const pair = { bands: [name(cover), name(next)], lines: [cover.line, next.line] };
    if (cover.band.to === null) {
      problems.push({
        code: 'BANDS_OPEN_NOT_LAST',
        ...pair,
        message: `The open band ${name(cover)} (line ${cover.line}) is followed by ${name(next)} (line ${next.line}).`,
      });
      continue;
    }
    if (next.band.from <= cover.band.to) {
      problems.push({
        code: 'BANDS_OVERLAP',
        ...pair,
        message: `${name(cover)} (line ${cover.line}) and ${name(next)} (line ${next.line}) overlap.`,
      });
    } else if (next.band.from > cover.band.to + 1) {
      const gap = formatAgeBand({ from: cover.band.to + 1, to: next.band.from - 1 });
      problems.push({
        code: 'BANDS_GAP',
        ...pair,
        gap,
        message: `Ages ${gap} are missing between ${name(cover)} (line ${cover.line}) and ${name(next)} (line ${next.line}).`,
      });
    }
    if (next.band.to === null || next.band.to > cover.band.to) cover = next;
  }
  const last = bands.reduce((a, b) => ((b.band.to ?? Infinity) > (a.band.to ?? Infinity) ? b : a));
  if (last.band.to !== null) {
    problems.push({
      code: 'BANDS_NO_OPEN_TOP',
      bands: [name(last)],
      lines: [last.line],
      message: `The last band ${name(last)} (line ${last.line}) is not open-ended (such as 100+).`,
    });
  }
  return problems;
}

/** Whether an age range [from, to] (to null = no upper limit) is made of whole bands, so it can be counted. */
export function alignsWithBands(bands: AgeBand[], from: number, to: number | null): boolean {
  const starts = new Set(bands.map((b) => b.from));
  const ends = new Set(bands.map((b) => b.to));
  return starts.has(from) && (to === null ? ends.has(null) : ends.has(to));
}

// ---- Definitions -----------------------------------------------------------------------------------------------

export enum IndicatorCode {
  Mys15Bulletin = 'mys15_bulletin',
  Mys15Fine = 'mys15_fine',
  UpgradingContribution = 'mys15_upgrading',
  Participation12m = 'ce_participation_12m',
  Participation4w = 'ce_participation_4w',
  ElderlyParticipation = 'elderly_participation',
  ElderlyTownshipCoverage = 'elderly_township_coverage',
  VillagePointCoverage = 'village_point_coverage',
  SkillsTrainingVolume = 'skills_training_volume',
  SkillsTrainees = 'skills_trainees',
  ApprenticesStarted = 'apprentices_started',
  ApprenticesActive = 'apprentices_active',
  ApprenticesCompleted = 'apprentices_completed',
  ApprenticesWithdrawn = 'apprentices_withdrawn',
  ApprenticeSchoolHours = 'apprentice_school_hours',
  ApprenticeWorkplaceHours = 'apprentice_workplace_hours',
  CertificatesIssued = 'certificates_issued',
  Completions = 'completions',
}
export const INDICATOR_CODES = Object.values(IndicatorCode);

export type IndicatorUnit = 'years' | 'share' | 'count' | 'hours';
/** 人数 (distinct people) for rates, 人次 (person-times) for volumes; never mixed. */
export type CountingRule = 'persons' | 'person_times' | 'places' | 'agreements' | 'hours' | 'certificates';

export interface IndicatorDefinition {
  code: IndicatorCode;
  /** Raised whenever the formula, the denominator or the counting rule changes; snapshots keep the version. */
  version: number;
  unit: IndicatorUnit;
  counting: CountingRule;
  /** Whether the figure needs a population baseline (a denominator). */
  needsBaseline: boolean;
  /** The breakdowns the figure has. */
  breakdowns: Array<'township' | 'age_band' | 'sex' | 'category'>;
  /** Plain formula for the definition panel (the web app translates names and notes). */
  formula: string;
}

const d = (
  code: IndicatorCode,
  unit: IndicatorUnit,
  counting: CountingRule,
  needsBaseline: boolean,
  breakdowns: IndicatorDefinition['breakdowns'],
  formula: string,
  version = 1,
): IndicatorDefinition => ({ code, version, unit, counting, needsBaseline, breakdowns, formula });

export const INDICATORS: Record<IndicatorCode, IndicatorDefinition> = {
  [IndicatorCode.Mys15Bulletin]: d(
    IndicatorCode.Mys15Bulletin,
    'years',
    'persons',
    true,
    ['township', 'age_band', 'sex'],
    'Σ P_l·y_l / P_15+ (bulletin weights: none 0, primary 6, junior 9, senior/secondary vocational 12, college+ 16)',
  ),
  [IndicatorCode.Mys15Fine]: d(
    IndicatorCode.Mys15Fine,
    'years',
    'persons',
    true,
    ['township', 'age_band', 'sex'],
    'Σ P_l·y_l / P_15+ (fine weights: junior college 15, bachelor 16, postgraduate 19)',
  ),
  [IndicatorCode.UpgradingContribution]: d(
    IndicatorCode.UpgradingContribution,
    'years',
    'persons',
    true,
    [],
    'Σ Δy / P_15+ over residents whose attainment rose through completing an academic programme in the period, each person once: the years of their level just after their last such completion minus the years just before their first (bulletin weights, never below 0), from the dated attainment history, so later profile edits change nothing',
    2,
  ),
  [IndicatorCode.Participation12m]: d(
    IndicatorCode.Participation12m,
    'share',
    'persons',
    true,
    ['township', 'age_band', 'sex', 'category'],
    'distinct residents in the age band who took part in learning in the 12 months to the reference date (the day after the same date a year earlier to the reference date, both counted): a completion, a class attended, a lesson finished or apprenticeship hours signed by the reference date; each person once / residents in the band',
    3,
  ),
  [IndicatorCode.Participation4w]: d(
    IndicatorCode.Participation4w,
    'share',
    'persons',
    true,
    ['township', 'age_band', 'sex', 'category'],
    'distinct residents in the age band who took part in learning in the 4 weeks to the reference date (28 days ending on it): a completion, a class attended, a lesson finished or apprenticeship hours signed by the reference date; each person once / residents in the band',
    2,
  ),
  [IndicatorCode.ElderlyParticipation]: d(
    IndicatorCode.ElderlyParticipation,
    'share',
    'persons',
    true,
    ['township', 'age_band', 'sex', 'category'],
    'distinct residents 60+ who took part in learning in the 12 months to the reference date (the same window and activities as the 12-month rate: a completion, a class attended, a lesson finished, signed apprenticeship hours); each person once / residents 60+',
    3,
  ),
  [IndicatorCode.ElderlyTownshipCoverage]: d(
    IndicatorCode.ElderlyTownshipCoverage,
    'share',
    'places',
    false,
    ['township'],
    'townships with an elderly-education session held in the 90 days to the reference date (90 days ending on it) / all townships',
    2,
  ),
  [IndicatorCode.VillagePointCoverage]: d(
    IndicatorCode.VillagePointCoverage,
    'share',
    'places',
    false,
    ['township'],
    'villages and communities with a session held in the 90 days to the reference date (90 days ending on it) / all villages and communities',
    2,
  ),
  [IndicatorCode.SkillsTrainingVolume]: d(
    IndicatorCode.SkillsTrainingVolume,
    'count',
    'person_times',
    false,
    ['township', 'age_band', 'sex'],
    'completions of vocational-skill courses in the period (人次)',
  ),
  [IndicatorCode.SkillsTrainees]: d(
    IndicatorCode.SkillsTrainees,
    'count',
    'persons',
    false,
    ['township', 'age_band', 'sex'],
    'distinct residents with a vocational-skill completion in the period (人数)',
  ),
  [IndicatorCode.ApprenticesStarted]: d(
    IndicatorCode.ApprenticesStarted,
    'count',
    'agreements',
    false,
    ['township'],
    'apprenticeships activated in the period (a transfer continues one, it is no new start)',
  ),
  [IndicatorCode.ApprenticesActive]: d(
    IndicatorCode.ApprenticesActive,
    'count',
    'agreements',
    false,
    ['township'],
    'agreements active on the reference date, replayed from their events',
  ),
  [IndicatorCode.ApprenticesCompleted]: d(
    IndicatorCode.ApprenticesCompleted,
    'count',
    'agreements',
    false,
    ['township'],
    'apprenticeships completed in the period',
  ),
  [IndicatorCode.ApprenticesWithdrawn]: d(
    IndicatorCode.ApprenticesWithdrawn,
    'count',
    'agreements',
    false,
    ['township'],
    'apprenticeships withdrawn in the period',
  ),
  [IndicatorCode.ApprenticeSchoolHours]: d(
    IndicatorCode.ApprenticeSchoolHours,
    'hours',
    'hours',
    false,
    ['township'],
    'school hours on days in the period, signed by the school mentor by the reference date',
  ),
  [IndicatorCode.ApprenticeWorkplaceHours]: d(
    IndicatorCode.ApprenticeWorkplaceHours,
    'hours',
    'hours',
    false,
    ['township'],
    'workplace hours on days in the period, signed by the enterprise mentor by the reference date',
  ),
  [IndicatorCode.CertificatesIssued]: d(
    IndicatorCode.CertificatesIssued,
    'count',
    'certificates',
    false,
    ['township', 'category'],
    'certificates issued in the period, not revoked',
  ),
  [IndicatorCode.Completions]: d(
    IndicatorCode.Completions,
    'count',
    'person_times',
    false,
    ['township', 'age_band', 'sex', 'category'],
    'learning-record entries (course and apprenticeship completions) in the period (人次)',
  ),
};

// ---- Small-cell suppression ------------------------------------------------------------------------------------

/** Cells counting fewer people than this (but more than none) are never published. */
export const SUPPRESSION_THRESHOLD = 5;

/**
 * Suppresses a table of counts before publication: every cell with 1 to 4 people (primary suppression), then, in any
 * row or column with exactly one suppressed cell, the smallest other non-zero cell too (complementary suppression),
 * repeated until no line has a single suppressed cell, so no suppressed value can be worked out from the published
 * row and column totals. Totals below the threshold are suppressed themselves. Null marks a suppressed cell.
 */
export function suppressTable(cells: number[][]): {
  cells: Array<Array<number | null>>;
  rowTotals: Array<number | null>;
  columnTotals: Array<number | null>;
  total: number | null;
} {
  const rows = cells.length;
  const cols = rows ? cells[0].length : 0;
  const hidden = cells.map((row) => row.map((v) => v > 0 && v < SUPPRESSION_THRESHOLD));
  const lines: Array<Array<[number, number]>> = [
    ...cells.map((_, r) => Array.from({ length: cols }, (_, c) => [r, c] as [number, number])),
    ...Array.from({ length: cols }, (_, c) => cells.map((_, r) => [r, c] as [number, number])),
  ];
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const suppressed = line.filter(([r, c]) => hidden[r][c]);
      if (suppressed.length !== 1) continue;
      const candidates = line
        .filter(([r, c]) => !hidden[r][c] && cells[r][c] > 0)
        .sort(([r1, c1], [r2, c2]) => cells[r1][c1] - cells[r2][c2]);
      if (!candidates.length) continue;
      const [r, c] = candidates[0];
      hidden[r][c] = true;
      changed = true;
    }
  }
  const publishTotal = (v: number) => (v > 0 && v < SUPPRESSION_THRESHOLD ? null : v);
  const rowTotals = cells.map((row) => publishTotal(row.reduce((a, b) => a + b, 0)));
  const columnTotals = Array.from({ length: cols }, (_, c) =>
    publishTotal(cells.reduce((a, row) => a + row[c], 0)),
  );
  const total = publishTotal(cells.flat().reduce((a, b) => a + b, 0));
  return {
    cells: cells.map((row, r) => row.map((v, c) => (hidden[r][c] ? null : v))),
    rowTotals,
    columnTotals,
    total,
  };
}

/** A one-dimensional breakdown (one row with its total): the same rule. */
export function suppressCounts(counts: number[]): { cells: Array<number | null>; total: number | null } {
  const result = suppressTable([counts]);
  return { cells: result.cells[0] ?? [], total: result.total };
}
