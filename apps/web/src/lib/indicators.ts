import './i18n/indicators.js';
import {
  alignsWithBands,
  IndicatorCode,
  INDICATOR_CODES,
  parseAgeBand,
  SUPPRESSION_THRESHOLD,
} from '@cll/domain';
import { translate, type Locale, type Message } from './i18n/index.js';

/**
 * How the bureau's indicators read on the page: values by unit (a share is a fraction, shown as a percentage), gaps
 * and changes in words, the township table's order, the charts' data, and the targets form's percent ↔ fraction.
 */

export type IndicatorUnit = 'years' | 'share' | 'count' | 'hours';
export type CountingRule = 'persons' | 'person_times' | 'places' | 'agreements' | 'hours' | 'certificates';

export interface TrendPoint {
  year: number;
  value: number | null;
  frozen: boolean;
}

export interface Cell {
  key: string;
  label: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
  /** A closed year: the cell recomputed with later data where it differs (hidden when from fewer than 5 people). */
  restatement?: {
    value: number | null;
    numerator: number | null;
    difference: number | null;
    suppressed: boolean;
  } | null;
}

/** What every indicator page shows about a year's figures: their status, period, baseline and age band. */
export interface PeriodView {
  year: number;
  status: 'open' | 'closed';
  referenceDate: string;
  periodStart: string;
  computedAt: string;
  frozenAt: string | null;
  /** Computed for a chosen age band just now, not stored. */
  live: boolean;
  ageBand: { from: number; to: number | null };
  baseline: { id: string; name: string; source: string; year: number } | null;
  /** First and last day of each window (null for snapshots stored before windows were recorded). */
  windows: Record<'period' | '12m' | '4w' | '90d', { first: string; last: string }> | null;
}

/** One indicator's published figure, without its breakdowns. */
export interface FigureView {
  code: IndicatorCode;
  version: number;
  unit: IndicatorUnit;
  counting: CountingRule;
  formula: string;
  needsBaseline: boolean;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  target: number | null;
  gap: number | null;
  trend: Array<TrendPoint & { suppressed: boolean }>;
  restatement: {
    value: number | null;
    numerator: number | null;
    difference: number | null;
    suppressed: boolean;
  } | null;
  /** A closed year published under an earlier definition: the figure under the current one, apart. */
  definitionChange: {
    fromVersion: number;
    toVersion: number;
    value: number | null;
    suppressed: boolean;
  } | null;
  /** What the figure counts over. */
  window: 'period' | '12m' | '4w' | '90d' | 'reference_date' | 'baseline';
  /** closed: the frozen publication; provisional: the stored recomputation; live: computed for this request. */
  basis: 'closed' | 'provisional' | 'live';
}

/** The dashboard's headline cards, in the order of the county's action plan. */
export const HEADLINE_CODES: readonly IndicatorCode[] = [
  IndicatorCode.Mys15Bulletin,
  IndicatorCode.Participation12m,
  IndicatorCode.ElderlyParticipation,
  IndicatorCode.ElderlyTownshipCoverage,
  IndicatorCode.VillagePointCoverage,
  IndicatorCode.SkillsTrainingVolume,
  IndicatorCode.ApprenticesActive,
];

/** Rates from platform records: people who learned elsewhere are not counted, so these are lower bounds. */
export const LOWER_BOUND_CODES: readonly IndicatorCode[] = [
  IndicatorCode.Participation12m,
  IndicatorCode.Participation4w,
  IndicatorCode.ElderlyParticipation,
];

/** The figures whose age band the analyst may change (the API recomputes them live). */
export const AGE_BAND_CODES: readonly IndicatorCode[] = [
  IndicatorCode.Participation12m,
  IndicatorCode.Participation4w,
];

/** Figures taken from the population baseline alone: no courses or providers stand behind a township's value. */
const BASELINE_ONLY_CODES: readonly IndicatorCode[] = [
  IndicatorCode.Mys15Bulletin,
  IndicatorCode.Mys15Fine,
  IndicatorCode.UpgradingContribution,
];

/** Where a higher figure is worse, the gap to the target is worded the other way round. */
const LOWER_IS_BETTER: readonly IndicatorCode[] = [IndicatorCode.ApprenticesWithdrawn];

export const DEFAULT_AGE_BAND = { from: 25, to: 64 } as const;

export function isIndicatorCode(value: unknown): value is IndicatorCode {
  return typeof value === 'string' && (INDICATOR_CODES as string[]).includes(value);
}

export function hasDrillDown(code: IndicatorCode): boolean {
  return !BASELINE_ONLY_CODES.includes(code);
}

export function isLowerBound(code: IndicatorCode): boolean {
  return LOWER_BOUND_CODES.includes(code);
}

export function lowerIsBetter(code: IndicatorCode): boolean {
  return LOWER_IS_BETTER.includes(code);
}

// ---- Numbers ---------------------------------------------------------------------------------------------------

/** Decimal places shown for each unit: shares as percentages with two, years with two, hours with one. */
const DIGITS: Record<IndicatorUnit, number> = { share: 2, years: 2, count: 0, hours: 1 };
/** The definition panel shows the value with more digits, for checking it against numerator ÷ denominator. */
const PRECISE_DIGITS: Record<IndicatorUnit, number> = { share: 4, years: 4, count: 0, hours: 2 };

/** A value in its unit, without the unit's word: 0.0038 → 「0.38%」, 8.7619 → 「8.76」, 1350 → 「1,350」. */
export function formatFigure(locale: Locale, unit: IndicatorUnit, value: number, precise = false): string {
  const digits = (precise ? PRECISE_DIGITS : DIGITS)[unit];
  // A small estimate (years gained through upgrading: 0.0031) must not read as zero: two significant digits instead.
  const scaled = Math.abs(unit === 'share' ? value * 100 : value);
  if (value !== 0 && unit !== 'count' && scaled < 0.5 * 10 ** -digits) {
    return new Intl.NumberFormat(locale, {
      style: unit === 'share' ? 'percent' : 'decimal',
      maximumSignificantDigits: 2,
    }).format(value);
  }
  if (unit === 'share') {
    return new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  }
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: unit === 'years' ? digits : 0,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A count or sum as it was counted (numerators, denominators, populations): grouped, up to two decimals. */
export function formatCount(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** The i18n key that puts a value's unit word beside it (「{value} 年」, 「{value} 人次」). */
export function unitKey(unit: IndicatorUnit, counting: CountingRule): string {
  return unit === 'count' ? `indicators.unit.count.${counting}` : `indicators.unit.${unit}`;
}

/**
 * A published value in words: the number with its unit, 「<5，已隐去」 for a suppressed cell, or 「无数据」 when there is
 * nothing to show (no baseline, a band that does not line up with it).
 */
export function valueMessage(
  locale: Locale,
  figure: { unit: IndicatorUnit; counting: CountingRule },
  value: number | null,
  suppressed = false,
  precise = false,
): Message {
  if (suppressed) return { key: 'indicators.suppressed' };
  if (value === null) return { key: 'indicators.noValue' };
  return {
    key: unitKey(figure.unit, figure.counting),
    params: { value: formatFigure(locale, figure.unit, value, precise) },
  };
}

/** The size of a difference in words: a share's in percentage points, anything else in its own unit. */
function amountMessage(
  locale: Locale,
  figure: { unit: IndicatorUnit; counting: CountingRule },
  amount: number,
): Message {
  if (figure.unit === 'share') {
    return {
      key: 'indicators.unit.points',
      params: { value: formatFigure(locale, 'years', amount * 100) },
    };
  }
  return valueMessage(locale, figure, amount);
}

/** A signed difference in words, for restatements: 「+0.10 个百分点」, 「−2 人次」. */
export function signedDifference(
  locale: Locale,
  figure: { unit: IndicatorUnit; counting: CountingRule },
  difference: number,
): string {
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '±';
  return `${sign}${translate(locale, amountMessage(locale, figure, Math.abs(difference)))}`;
}

/** Whether a difference shows as zero at the unit's precision (so the words never contradict the figure). */
function roundsToZero(unit: IndicatorUnit, difference: number): boolean {
  const scale = unit === 'share' ? 100 : 1;
  return Math.abs(difference * scale) < 0.5 * 10 ** -DIGITS[unit];
}

/**
 * The gap to the target in words: 「距目标还差 0.84 年」, 「已超过目标 33.33 个百分点」 or 「已达到目标」; null without a
 * target or a value. Where less is better (withdrawals) it reads 「比目标多…」/「比目标少…」.
 */
export function gapMessage(
  locale: Locale,
  figure: { code: IndicatorCode; unit: IndicatorUnit; counting: CountingRule; gap: number | null },
): { message: Message; tone: 'short' | 'met' | 'over' } | null {
  const { gap } = figure;
  if (gap === null) return null;
  if (roundsToZero(figure.unit, gap)) return { message: { key: 'indicators.gap.met' }, tone: 'met' };
  const amount = translate(locale, amountMessage(locale, figure, Math.abs(gap)));
  const fewerIsBetter = lowerIsBetter(figure.code);
  const key = fewerIsBetter
    ? gap > 0
      ? 'indicators.gap.above'
      : 'indicators.gap.below'
    : gap > 0
      ? 'indicators.gap.over'
      : 'indicators.gap.short';
  const good = fewerIsBetter ? gap < 0 : gap > 0;
  return { message: { key, params: { amount } }, tone: good ? 'over' : 'short' };
}

export interface YearChange {
  previousYear: number;
  direction: 'up' | 'down' | 'same';
  /** 「比 2025 年上升 0.12 个百分点」 */
  message: Message;
}

/** The change from the previous year's figure in the trend, when both years have a value. */
export function changeFromPreviousYear(
  locale: Locale,
  figure: { unit: IndicatorUnit; counting: CountingRule; trend: readonly TrendPoint[] },
  year: number,
  value: number | null,
): YearChange | null {
  const previous = figure.trend.find((p) => p.year === year - 1);
  if (value === null || !previous || previous.value === null) return null;
  const difference = value - previous.value;
  const previousYear = previous.year;
  if (roundsToZero(figure.unit, difference)) {
    return {
      previousYear,
      direction: 'same',
      message: { key: 'indicators.change.same', params: { year: previousYear } },
    };
  }
  const direction = difference > 0 ? 'up' : 'down';
  return {
    previousYear,
    direction,
    message: {
      key: `indicators.change.${direction}`,
      params: {
        year: previousYear,
        amount: translate(locale, amountMessage(locale, figure, Math.abs(difference))),
      },
    },
  };
}

/**
 * Trend points of people counts below the suppression threshold are hidden as the published cells are: the stored
 * snapshots carry the raw figures, so a small count could otherwise show through the trend.
 */
export function publishableTrend(
  figure: { unit: IndicatorUnit; counting: CountingRule },
  trend: readonly TrendPoint[],
): Array<TrendPoint & { suppressed: boolean }> {
  const countsPeople = figure.unit === 'count' && figure.counting !== 'places' && figure.counting !== 'hours';
  return trend.map((p) => {
    const small = countsPeople && p.value !== null && p.value > 0 && p.value < SUPPRESSION_THRESHOLD;
    return { ...p, value: small ? null : p.value, suppressed: small };
  });
}

// ---- The township table's order --------------------------------------------------------------------------------

export const SORT_KEYS = ['township', 'numerator', 'denominator', 'value'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** The table's order from the query string; the default is the county's administrative order (by code). */
export function readSort(params: URLSearchParams): { sort: SortKey; dir: SortDir } {
  const sort = params.get('sort');
  const dir = params.get('dir');
  const key: SortKey = (SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as SortKey) : 'township';
  return {
    sort: key,
    dir: dir === 'desc' ? 'desc' : dir === 'asc' ? 'asc' : key === 'township' ? 'asc' : 'desc',
  };
}

/** Where a column's heading link leads: the other direction when it is the current order, else its natural one. */
export function nextSort(
  current: { sort: SortKey; dir: SortDir },
  column: SortKey,
): { sort: SortKey; dir: SortDir } {
  if (current.sort === column) return { sort: column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: column, dir: column === 'township' ? 'asc' : 'desc' };
}

/**
 * Sorts breakdown cells by a column. Suppressed or missing values always go last, whichever the direction, so the
 * largest and smallest published figures stay at the top; equal values keep administrative order.
 */
export function sortCells<T extends Cell>(cells: readonly T[], sort: SortKey, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byCode = (a: T, b: T) => a.key.localeCompare(b.key);
  return [...cells].sort((a, b) => {
    if (sort === 'township') return sign * byCode(a, b);
    const x = a[sort];
    const y = b[sort];
    if (x === null && y === null) return byCode(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return x === y ? byCode(a, b) : sign * (x - y);
  });
}

// ---- Charts ----------------------------------------------------------------------------------------------------

/** Charts draw shares in percent (the axis reads 0.38, not 0.0038). */
export function chartScale(unit: IndicatorUnit): number {
  return unit === 'share' ? 100 : 1;
}

export interface ReferenceLine {
  value: number;
  label: string;
  kind: 'target' | 'overall';
}

/** A reference line this many times the largest value would squash the data into a sliver: it is named instead. */
const OFF_SCALE_FACTOR = 4;

/** Splits reference lines into those drawn and those too far from the data to draw (named beside the chart). */
function placeReferences(
  values: ReadonlyArray<number | null>,
  references: ReferenceLine[],
): { references: ReferenceLine[]; offScale: ReferenceLine[] } {
  const largest = Math.max(0, ...values.filter((v) => v !== null));
  const far = (r: ReferenceLine) => largest > 0 && r.value > OFF_SCALE_FACTOR * largest;
  return { references: references.filter((r) => !far(r)), offScale: references.filter(far) };
}

export interface BarChartModel {
  labels: string[];
  /** Null where the cell is suppressed: no bar, the label says why. */
  values: Array<number | null>;
  valueLabels: string[];
  references: ReferenceLine[];
  offScale: ReferenceLine[];
}

/**
 * The township comparison as horizontal bars, largest first (a ranking reads best), each with its value written at
 * its end; the target and the county's own figure as labelled lines.
 */
export function barChartModel(
  cells: readonly Cell[],
  options: {
    unit: IndicatorUnit;
    format: (value: number) => string;
    suppressedLabel: string;
    target?: { value: number; label: string } | null;
    overall?: { value: number; label: string } | null;
  },
): BarChartModel {
  const scale = chartScale(options.unit);
  const ranked = sortCells(cells, 'value', 'desc');
  const references: ReferenceLine[] = [];
  if (options.target)
    references.push({ ...options.target, value: options.target.value * scale, kind: 'target' });
  if (options.overall)
    references.push({ ...options.overall, value: options.overall.value * scale, kind: 'overall' });
  const values = ranked.map((c) => (c.value === null ? null : c.value * scale));
  return {
    labels: ranked.map((c) => c.label ?? c.key),
    values,
    valueLabels: ranked.map((c) =>
      c.value === null ? (c.suppressed ? options.suppressedLabel : '—') : options.format(c.value),
    ),
    ...placeReferences(values, references),
  };
}

export interface TrendChartModel {
  labels: string[];
  values: Array<number | null>;
  valueLabels: string[];
  /** Closed years' figures are frozen; the chart marks them with a different point. */
  frozen: boolean[];
  references: ReferenceLine[];
  offScale: ReferenceLine[];
}

/** The figure over the years, oldest first, with the selected year's target as a labelled line. */
export function trendChartModel(
  trend: ReadonlyArray<TrendPoint & { suppressed?: boolean }>,
  options: {
    unit: IndicatorUnit;
    format: (value: number) => string;
    suppressedLabel: string;
    target?: { value: number; label: string } | null;
  },
): TrendChartModel {
  const scale = chartScale(options.unit);
  const points = [...trend].sort((a, b) => a.year - b.year);
  const values = points.map((p) => (p.value === null ? null : p.value * scale));
  const target: ReferenceLine[] = options.target
    ? [{ ...options.target, value: options.target.value * scale, kind: 'target' }]
    : [];
  return {
    labels: points.map((p) => String(p.year)),
    values,
    valueLabels: points.map((p) =>
      p.value === null ? (p.suppressed ? options.suppressedLabel : '—') : options.format(p.value),
    ),
    frozen: points.map((p) => p.frozen),
    ...placeReferences(values, target),
  };
}

/** The highest and lowest published cells, for a chart's spoken summary. */
export function extremes<T extends Cell>(cells: readonly T[]): { highest: T; lowest: T } | null {
  const ranked = sortCells(
    cells.filter((c) => c.value !== null),
    'value',
    'desc',
  );
  if (!ranked.length) return null;
  return { highest: ranked[0], lowest: ranked[ranked.length - 1] };
}

// ---- Targets: percent typed, fraction stored ------------------------------------------------------------------

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Moves a decimal string's point by `places` (negative: to the left), exactly, without floating-point error. */
function shiftDecimal(text: string, places: number): string {
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`Not a decimal: ${text}`);
  let digits = m[1] + (m[2] ?? '');
  let point = m[1].length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** 「38.55」 (percent, as typed) → 「0.3855」 (the fraction the API stores), exactly. Null for anything else. */
export function percentToFraction(percent: string): string | null {
  const text = percent.trim();
  return DECIMAL.test(text) ? shiftDecimal(text, -2) : null;
}

/** A stored fraction as a percent for the form: 0.3855 → 「38.55」; at most two decimals, as the API keeps four. */
export function fractionToPercent(fraction: number): string {
  return shiftDecimal(fraction.toFixed(4), 2);
}

/** What the targets form shows for a stored target: a share in percent, anything else as it is. */
export function targetInputValue(unit: IndicatorUnit, value: number | null): string {
  if (value === null) return '';
  return unit === 'share' ? fractionToPercent(value) : String(Number(value.toFixed(4)));
}

/** The range and precision a target may be typed in, by unit (shares in percent). */
export const TARGET_RULES: Record<
  IndicatorUnit,
  { min: number; max: number; decimals: number; integer: boolean }
> = {
  share: { min: 0, max: 100, decimals: 2, integer: false },
  years: { min: 0, max: 30, decimals: 4, integer: false },
  count: { min: 0, max: 10_000_000, decimals: 0, integer: true },
  hours: { min: 0, max: 10_000_000, decimals: 1, integer: false },
};

/**
 * Reads a target typed into the form: '' → no change; otherwise the value the API takes (a share's percent as its
 * fraction) or the message for the field. Full-width digits from Chinese input methods are accepted.
 */
export function readTarget(
  unit: IndicatorUnit,
  raw: string,
): { value: number | null; error: Message | null } {
  const text = raw.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!text) return { value: null, error: null };
  const rule = TARGET_RULES[unit];
  const m = DECIMAL.exec(text);
  const range = { min: rule.min, max: rule.max };
  if (!m) {
    return {
      value: null,
      error: { key: rule.integer ? 'validation.wholeNumberRange' : 'validation.numberRange', params: range },
    };
  }
  if ((m[2] ?? '').replace(/0+$/, '').length > rule.decimals) {
    return {
      value: null,
      error: rule.integer
        ? { key: 'validation.wholeNumberRange', params: range }
        : { key: 'validation.decimals', params: { decimals: rule.decimals } },
    };
  }
  const number = Number(text);
  if (number < rule.min || number > rule.max) {
    return {
      value: null,
      error: { key: rule.integer ? 'validation.wholeNumberRange' : 'validation.numberRange', params: range },
    };
  }
  return { value: unit === 'share' ? Number(percentToFraction(text)) : number, error: null };
}

/** Whether a typed target differs from the stored one (compared at the API's four decimals). */
export function targetChanged(stored: number | null, typed: number): boolean {
  return stored === null || Math.abs(stored - typed) >= 0.00005;
}

// ---- Age bands -------------------------------------------------------------------------------------------------

/**
 * The ages a participation band may start and end at: the baseline's own bands (read from a breakdown of the years
 * of schooling, which lists them from 15). A band made of whole baseline bands has a denominator; any other has none.
 */
export function bandBoundaries(bandKeys: readonly string[]): { starts: number[]; ends: number[] } {
  const bands = bandKeys.map(parseAgeBand).filter((b) => b !== null);
  return {
    starts: [...new Set(bands.map((b) => b.from))].sort((a, b) => a - b),
    ends: [...new Set(bands.flatMap((b) => (b.to === null ? [] : [b.to])))].sort((a, b) => a - b),
  };
}

/** Whether an age band lines up with the baseline's bands; null when the bands are unknown (no baseline). */
export function bandMatchesBaseline(bandKeys: readonly string[], from: number, to: number): boolean | null {
  const bands = bandKeys.map(parseAgeBand).filter((b) => b !== null);
  if (!bands.length) return null;
  return alignsWithBands(bands, from, to);
}

/** An age band in words: 「25–64 岁」, 「60 岁及以上」. */
export function ageBandMessage(band: { from: number; to: number | null }): Message {
  return band.to === null
    ? { key: 'indicators.ageBandOpen', params: { from: band.from } }
    : { key: 'indicators.ageBand', params: { from: band.from, to: band.to } };
}

/** Who an indicator counts by age: the chosen band for participation, 60+ for the elderly, 15+ for schooling. */
export function ageBandOf(
  code: IndicatorCode,
  participationBand: { from: number; to: number | null },
): { from: number; to: number | null } | null {
  if (AGE_BAND_CODES.includes(code)) return participationBand;
  if (code === IndicatorCode.ElderlyParticipation) return { from: 60, to: null };
  if (BASELINE_ONLY_CODES.includes(code)) return { from: 15, to: null };
  return null;
}

/** Reads the age-band form: whole ages with `to` not before `from`; errors by field. */
export function readAgeBand(
  fromRaw: string,
  toRaw: string,
): { band: { from: number; to: number } | null; errors: Record<string, Message> } {
  const errors: Record<string, Message> = {};
  const whole = (raw: string, name: string, max: number) => {
    const text = raw.trim();
    if (!text) {
      errors[name] = { key: 'validation.required' };
      return null;
    }
    const n = Number(text);
    if (!/^\d{1,3}$/.test(text) || n > max) {
      errors[name] = { key: 'validation.wholeNumberRange', params: { min: 0, max } };
      return null;
    }
    return n;
  };
  const from = whole(fromRaw, 'ageFrom', 100);
  const to = whole(toRaw, 'ageTo', 120);
  if (from !== null && to !== null && to < from) errors.ageTo = { key: 'indicators.band.toBeforeFrom' };
  return { band: from !== null && to !== null && to >= from ? { from, to } : null, errors };
}
