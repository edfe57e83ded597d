import {
  INDICATORS,
  IndicatorCode,
  isSmallCell,
  PEOPLE_THRESHOLD,
  publishedWith,
  suppressGroup,
  type IndicatorDefinition,
  type SuppressionFigure,
  type SuppressionPattern,
} from '@cll/domain';
import type { AuthUser } from '../auth/auth.decorators.js';
import { inBureauScope } from '../organisations/provider-access.js';
import type {
  Breakdowns,
  IndicatorFigureResponse,
  PublishedCell,
  RestatementResponse,
  TrendPoint,
} from './dto/indicator.dto.js';
import type { BreakdownCell, IndicatorFigure } from './indicator-engine.js';
import type { Dimension } from './indicator.queries.js';

type Counted = Pick<BreakdownCell, 'numerator' | 'denominator'> & { people?: number | null };

/**
 * The distinct people behind a cell. Snapshots stored before cells carried their people fall back to what they
 * can prove: the numerator of a count of persons, the residents of an average; anything else (person-times, hours)
 * is treated as small, so an old snapshot never publishes what the rule would hide.
 */
export function peopleOf(definition: IndicatorDefinition, cell: Counted): number | null {
  if (cell.people !== undefined) return cell.people;
  if (definition.counting === 'places') return null;
  if (definition.unit === 'years') return cell.denominator;
  if (definition.counting === 'persons') return cell.numerator;
  return cell.numerator > 0 ? 1 : 0;
}

/** The additive quantity a cell publishes (residents for an average, else its numerator). */
const amountOf = (definition: IndicatorDefinition, cell: Counted) =>
  definition.unit === 'years' ? (cell.denominator ?? 0) : cell.numerator;

function asSuppressionFigure(figure: IndicatorFigure): SuppressionFigure {
  const definition = INDICATORS[figure.code];
  const cellOf = (c: Counted & { key: string }) => ({
    key: c.key,
    value: amountOf(definition, c),
    people: peopleOf(definition, c),
  });
  return {
    code: figure.code,
    total: { value: amountOf(definition, figure), people: peopleOf(definition, figure) },
    lines: Object.fromEntries(
      Object.entries(figure.breakdowns).map(([d, cells]) => [d, (cells ?? []).map(cellOf)]),
    ),
  };
}

/** The suppression pattern of every figure, chosen jointly with the figures published beside it. */
export function suppressionPatterns(figures: IndicatorFigure[]): Map<IndicatorCode, SuppressionPattern> {
  const patterns = new Map<IndicatorCode, SuppressionPattern>();
  for (const figure of figures) {
    if (patterns.has(figure.code)) continue;
    const group = publishedWith(figure.code);
    const members = figures.filter((f) => group.includes(f.code));
    const pattern = suppressGroup(members.map(asSuppressionFigure));
    for (const m of members) patterns.set(m.code, pattern);
  }
  return patterns;
}

export interface PublishExtra {
  names: Map<string, string>;
  target: number | null;
  trend: Array<TrendPoint & { numerator: number; denominator: number | null; people?: number | null }>;
  /** A closed year's figure recomputed with today's data, with the pattern its own publication would have. */
  restated?: { figure: IndicatorFigure; pattern: SuppressionPattern };
}

/** At least how many people are behind a change: the change in people counted, and one if anything changed. */
function changePeople(definition: IndicatorDefinition, before: Counted, after: Counted): number {
  const moved = before.numerator !== after.numerator || before.denominator !== after.denominator;
  const people = Math.abs((peopleOf(definition, after) ?? 0) - (peopleOf(definition, before) ?? 0));
  return moved ? Math.max(1, people) : 0;
}

const ZERO: Counted = { numerator: 0, denominator: null, people: 0 };

/**
 * Restatements of a closed year, in the headline and in every breakdown line. A recomputed figure is shown beside
 * the frozen one only when both the frozen cell and the recomputed cell would be published and at least five people
 * are behind every change in the line (the line's changes add up to the total's, so one small change would come
 * out as the difference of the others): otherwise the restatement says only that the figure moved.
 */
function restatements(figure: IndicatorFigure, pattern: SuppressionPattern, extra: PublishExtra) {
  const definition = INDICATORS[figure.code];
  const restated = extra.restated;
  if (!restated) return { head: null, cells: new Map<string, RestatementResponse | null>() };
  const after = restated.figure;
  const hiddenNow = (dimension: string, key: string) =>
    restated.pattern.hiddenKeys.get(dimension)?.has(key) ?? false;
  const headPeople = changePeople(definition, figure, after);
  const cells = new Map<string, RestatementResponse | null>();
  for (const [dimension, list] of Object.entries(figure.breakdowns) as Array<[Dimension, BreakdownCell[]]>) {
    const now = new Map((after.breakdowns[dimension] ?? []).map((c) => [c.key, c]));
    const keys = [...new Set([...list.map((c) => c.key), ...now.keys()])];
    const before = new Map(list.map((c) => [c.key, c]));
    const changes = keys.map((key) =>
      changePeople(definition, before.get(key) ?? ZERO, now.get(key) ?? ZERO),
    );
    const shown =
      changes.every((p) => p === 0 || p >= PEOPLE_THRESHOLD) &&
      (headPeople === 0 || headPeople >= PEOPLE_THRESHOLD);
    keys.forEach((key, i) => {
      if (changes[i] === 0) return cells.set(`${dimension}:${key}`, null);
      const was = before.get(key);
      const is = now.get(key);
      const visible =
        shown &&
        !(pattern.hiddenKeys.get(dimension)?.has(key) ?? false) &&
        !hiddenNow(dimension, key) &&
        !pattern.hiddenTotals.has(figure.code) &&
        !restated.pattern.hiddenTotals.has(figure.code);
      cells.set(`${dimension}:${key}`, {
        value: visible ? (is?.value ?? 0) : null,
        numerator: visible ? (is?.numerator ?? 0) : null,
        difference: visible ? (is?.value ?? 0) - (was?.value ?? 0) : null,
        suppressed: !visible,
      });
    });
  }
  const headVisible =
    headPeople >= PEOPLE_THRESHOLD &&
    !pattern.hiddenTotals.has(figure.code) &&
    !restated.pattern.hiddenTotals.has(figure.code);
  const head: RestatementResponse | null =
    headPeople === 0
      ? null
      : {
          value: headVisible ? after.value : null,
          numerator: headVisible ? after.numerator : null,
          difference:
            headVisible && after.value !== null && figure.value !== null ? after.value - figure.value : null,
          suppressed: !headVisible,
        };
  return { head, cells };
}

/**
 * Turns a computed figure into what the bureau may see: the cells the figure's group pattern hides are blanked,
 * township rows outside a township-limited user's area are left out, and the target, gap, trend and restatements
 * (headline and every breakdown cell, see `restatements`) are attached.
 */
export function publishFigure(
  user: AuthUser,
  figure: IndicatorFigure,
  pattern: SuppressionPattern,
  extra: PublishExtra,
): Omit<IndicatorFigureResponse, 'basis' | 'definitionChange'> {
  const definition = INDICATORS[figure.code];
  const headSuppressed = pattern.hiddenTotals.has(figure.code);
  const restated = restatements(figure, pattern, extra);
  const breakdowns: Breakdowns = {};
  for (const [dimension, cells] of Object.entries(figure.breakdowns) as Array<[Dimension, BreakdownCell[]]>) {
    const keys = pattern.hiddenKeys.get(dimension) ?? new Set<string>();
    const published: PublishedCell[] = cells.map((c) => {
      const hidden = keys.has(c.key) || (headSuppressed && c.numerator !== 0);
      return {
        key: c.key,
        label: dimension === 'township' ? (extra.names.get(c.key) ?? null) : null,
        numerator: hidden ? null : c.numerator,
        denominator: hidden ? null : c.denominator,
        value: hidden ? null : c.value,
        suppressed: hidden,
        restatement: restated.cells.get(`${dimension}:${c.key}`) ?? null,
      };
    });
    // Rows that only appear in the recomputation (a township's first completion reported after the close).
    const known = new Set(cells.map((c) => c.key));
    for (const c of extra.restated?.figure.breakdowns[dimension] ?? []) {
      if (known.has(c.key)) continue;
      published.push({
        key: c.key,
        label: dimension === 'township' ? (extra.names.get(c.key) ?? null) : null,
        numerator: 0,
        denominator: null,
        value: 0,
        suppressed: false,
        restatement: restated.cells.get(`${dimension}:${c.key}`) ?? null,
      });
    }
    breakdowns[dimension] =
      dimension === 'township' ? published.filter((c) => inBureauScope(user, c.key)) : published;
  }
  const value = headSuppressed ? null : figure.value;
  return {
    code: figure.code,
    version: figure.version,
    unit: definition.unit,
    counting: definition.counting,
    formula: definition.formula,
    needsBaseline: definition.needsBaseline,
    window: figure.window,
    value,
    numerator: headSuppressed ? null : figure.numerator,
    denominator: headSuppressed ? null : figure.denominator,
    suppressed: headSuppressed,
    target: extra.target,
    gap: value !== null && extra.target !== null ? value - extra.target : null,
    // A past year's small figure is as telling as this year's: suppressed by the people behind it the same way.
    trend: extra.trend.map(({ year, value, frozen, numerator, denominator, people }) => ({
      year,
      frozen,
      value: isSmallCell(peopleOf(definition, { numerator, denominator, people })) ? null : value,
    })),
    restatement: restated.head,
    breakdowns,
  };
}
