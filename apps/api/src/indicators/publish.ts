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
import type { Breakdowns, IndicatorFigureResponse, PublishedCell, TrendPoint } from './dto/indicator.dto.js';
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
  restated?: IndicatorFigure;
}

/**
 * Turns a computed figure into what the bureau may see: the cells the figure's group pattern hides are blanked,
 * township rows outside a township-limited user's area are left out, and the target, gap, trend and any
 * restatement are attached. A restatement's difference is shown only when at least five people are behind it (at
 * least as many as the change in the people counted); otherwise the recomputed figure is hidden with it, since
 * beside the frozen one it would give the difference away.
 */
export function publishFigure(
  user: AuthUser,
  figure: IndicatorFigure,
  pattern: SuppressionPattern,
  extra: PublishExtra,
): Omit<IndicatorFigureResponse, 'basis'> {
  const definition = INDICATORS[figure.code];
  const headSuppressed = pattern.hiddenTotals.has(figure.code);
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
      };
    });
    breakdowns[dimension] =
      dimension === 'township' ? published.filter((c) => inBureauScope(user, c.key)) : published;
  }
  const value = headSuppressed ? null : figure.value;
  const restated = extra.restated;
  const changed =
    restated && (restated.value !== figure.value || restated.numerator !== figure.numerator)
      ? restated
      : null;
  const differencePeople = changed
    ? Math.abs((peopleOf(definition, changed) ?? 0) - (peopleOf(definition, figure) ?? 0))
    : 0;
  const restatedShown =
    changed !== null &&
    !isSmallCell(peopleOf(definition, changed)) &&
    (headSuppressed || definition.counting === 'places' || differencePeople >= PEOPLE_THRESHOLD);
  return {
    code: figure.code,
    version: figure.version,
    unit: definition.unit,
    counting: definition.counting,
    formula: definition.formula,
    needsBaseline: definition.needsBaseline,
    window: figure.window ?? 'period',
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
    restatement: changed
      ? {
          value: restatedShown ? changed.value : null,
          numerator: restatedShown ? changed.numerator : null,
          difference:
            restatedShown && !headSuppressed && changed.value !== null && figure.value !== null
              ? changed.value - figure.value
              : null,
          suppressed: !restatedShown,
        }
      : null,
    breakdowns,
  };
}
