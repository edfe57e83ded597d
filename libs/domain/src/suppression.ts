/**
 * Small-cell suppression by people. Every published cell carries the distinct people behind it; a cell from 1 to 4
 * people is hidden whatever it counts (people, person-times, hours, certificates). Complements are chosen across the
 * breakdowns of a figure and across the figures published together (a group: volume beside trainees, hours beside
 * apprentices), which share one pattern of hidden cells, until no hidden sensitive cell can be worked out or narrowed
 * to fewer than five possible values from a line's total: in a line whose total is shown, the k hidden non-zero cells
 * of a figure add up to a known S, so each lies in [1, S − (k − 1)], a range of S − k + 1 values; it must be ≥ 5
 * (and k ≥ 2: a single hidden cell is the total minus the rest).
 */
import { IndicatorCode } from './indicators.js';

export const PEOPLE_THRESHOLD = 5;

export interface PeopleCell {
  key: string;
  /** What the cell shows (people, person-times, hours…) before suppression. */
  value: number;
  /** Distinct people behind it; null when the cell counts places (never suppressed). */
  people: number | null;
}

export interface SuppressionFigure {
  code: string;
  total: { value: number; people: number | null };
  /** Breakdown lines (dimension → cells); each line's cells add up to the total, or at least cover it. */
  lines: Record<string, PeopleCell[] | undefined>;
}

export interface SuppressionPattern {
  /** Codes whose total is hidden. */
  hiddenTotals: Set<string>;
  /** Per dimension, the keys hidden in every figure of the group that has the dimension. */
  hiddenKeys: Map<string, Set<string>>;
}

/** 1 to 4 people. */
export function isSmallCell(people: number | null | undefined): boolean {
  return people !== null && people !== undefined && people > 0 && people < PEOPLE_THRESHOLD;
}

/**
 * Figures published side by side whose cells bound each other (trainees ≤ volume, 4 weeks ≤ 12 months) or come
 * from the same people (the apprenticeship figures by township): they share one suppression pattern.
 */
export const PUBLISHED_TOGETHER: IndicatorCode[][] = [
  [IndicatorCode.Mys15Bulletin, IndicatorCode.Mys15Fine],
  // Counted from the same learning: 4 weeks ≤ 12 months, trainees ≤ volume ≤ completions, certificates ≤
  // completions, cell by cell; the 60-64 cell of the 12-month rate is the same people as the elderly rate's.
  [
    IndicatorCode.Participation12m,
    IndicatorCode.Participation4w,
    IndicatorCode.ElderlyParticipation,
    IndicatorCode.SkillsTrainingVolume,
    IndicatorCode.SkillsTrainees,
    IndicatorCode.Completions,
    IndicatorCode.CertificatesIssued,
  ],
  [
    IndicatorCode.ApprenticesStarted,
    IndicatorCode.ApprenticesActive,
    IndicatorCode.ApprenticesCompleted,
    IndicatorCode.ApprenticesWithdrawn,
    IndicatorCode.ApprenticeSchoolHours,
    IndicatorCode.ApprenticeWorkplaceHours,
  ],
];

/** The group a figure is published in (itself alone when in none). */
export function publishedWith(code: IndicatorCode): IndicatorCode[] {
  return PUBLISHED_TOGETHER.find((g) => g.includes(code)) ?? [code];
}

/**
 * Chooses the hidden cells of a group of figures. Primary: every cell and total from 1-4 people. Complementary: while
 * a line of a figure holds a hidden sensitive cell whose range is narrower than five values, the smallest shown
 * non-zero cell of that line is hidden too (in every figure of the group); when the line has none left, its total,
 * and with a hidden total every non-zero cell of the figure (a fully shown line would add up to it).
 */
export function suppressGroup(figures: SuppressionFigure[]): SuppressionPattern {
  const hiddenTotals = new Set(figures.filter((f) => isSmallCell(f.total.people)).map((f) => f.code));
  const hiddenKeys = new Map<string, Set<string>>();
  const keysOf = (dimension: string) => {
    let keys = hiddenKeys.get(dimension);
    if (!keys) hiddenKeys.set(dimension, (keys = new Set()));
    return keys;
  };
  for (const f of figures) {
    for (const [dimension, cells] of Object.entries(f.lines)) {
      for (const c of cells ?? []) if (isSmallCell(c.people)) keysOf(dimension).add(c.key);
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const f of figures) {
      if (hiddenTotals.has(f.code)) {
        // A hidden total must not come back as the sum of a line: every non-zero cell of the figure goes with it.
        for (const [dimension, cells] of Object.entries(f.lines)) {
          const keys = keysOf(dimension);
          for (const c of cells ?? []) {
            if (c.value > 0 && !keys.has(c.key)) {
              keys.add(c.key);
              changed = true;
            }
          }
        }
        continue;
      }
      for (const [dimension, cells] of Object.entries(f.lines)) {
        const keys = keysOf(dimension);
        const hidden = (cells ?? []).filter((c) => keys.has(c.key) && c.value > 0);
        if (!hidden.some((c) => isSmallCell(c.people))) continue;
        const sum = hidden.reduce((s, c) => s + c.value, 0);
        // One hidden cell is the total minus the rest; k ≥ 2 cells each range over 1 … S − (k − 1).
        if (hidden.length >= 2 && sum - hidden.length + 1 >= PEOPLE_THRESHOLD) continue;
        const candidate = (cells ?? [])
          .filter((c) => !keys.has(c.key) && c.value > 0)
          .sort((a, b) => a.value - b.value || a.key.localeCompare(b.key))[0];
        if (candidate) keys.add(candidate.key);
        else hiddenTotals.add(f.code);
        changed = true;
      }
    }
  }
  return { hiddenTotals, hiddenKeys };
}
