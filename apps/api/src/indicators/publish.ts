import { INDICATORS, suppressCounts, SUPPRESSION_THRESHOLD, type IndicatorDefinition } from '@cll/domain';
import type { AuthUser } from '../auth/auth.decorators.js';
import { inBureauScope } from '../organisations/provider-access.js';
import type { Breakdowns, IndicatorFigureResponse, PublishedCell, TrendPoint } from './dto/indicator.dto.js';
import type { BreakdownCell, IndicatorFigure } from './indicator-engine.js';
import type { Dimension } from './indicator.queries.js';

/** The number of people a cell counts, which decides whether it may be published; null when it counts places. */
function peopleIn(definition: IndicatorDefinition, cell: Pick<BreakdownCell, 'numerator' | 'denominator'>) {
  if (definition.counting === 'places' || definition.counting === 'hours') return null;
  // Years of schooling count the residents of the baseline (the denominator); the others their numerator.
  return definition.unit === 'years' ? cell.denominator : cell.numerator;
}

const isSmall = (n: number | null) => n !== null && n > 0 && n < SUPPRESSION_THRESHOLD;

/**
 * Turns a computed figure into what the bureau may see: cells counting 1 to 4 people are suppressed with their
 * complementary cells (per breakdown), township rows outside a township-limited user's area are left out, and the
 * target, gap, trend and any restatement are attached.
 */
export function publishFigure(
  user: AuthUser,
  figure: IndicatorFigure,
  extra: {
    names: Map<string, string>;
    target: number | null;
    trend: Array<TrendPoint & { numerator: number; denominator: number | null }>;
    restated?: IndicatorFigure;
  },
): IndicatorFigureResponse {
  const definition = INDICATORS[figure.code];
  const headSuppressed = isSmall(peopleIn(definition, figure));
  const breakdowns: Breakdowns = {};
  for (const [dimension, cells] of Object.entries(figure.breakdowns) as Array<[Dimension, BreakdownCell[]]>) {
    const counts = cells.map((c) => peopleIn(definition, c) ?? SUPPRESSION_THRESHOLD);
    const hidden = suppressCounts(counts).cells.map((v) => v === null);
    const published: PublishedCell[] = cells.map((c, i) => ({
      key: c.key,
      label: dimension === 'township' ? (extra.names.get(c.key) ?? null) : null,
      numerator: hidden[i] ? null : c.numerator,
      denominator: hidden[i] ? null : c.denominator,
      value: hidden[i] ? null : c.value,
      suppressed: hidden[i],
    }));
    breakdowns[dimension] =
      dimension === 'township' ? published.filter((c) => inBureauScope(user, c.key)) : published;
  }
  const value = headSuppressed ? null : figure.value;
  const restated = extra.restated;
  const changed =
    restated && (restated.value !== figure.value || restated.numerator !== figure.numerator)
      ? restated
      : null;
  return {
    code: figure.code,
    version: figure.version,
    unit: definition.unit,
    counting: definition.counting,
    formula: definition.formula,
    needsBaseline: definition.needsBaseline,
    value,
    numerator: headSuppressed ? null : figure.numerator,
    denominator: headSuppressed ? null : figure.denominator,
    suppressed: headSuppressed,
    target: extra.target,
    gap: value !== null && extra.target !== null ? value - extra.target : null,
    // A past year's small count is as telling as this year's: suppressed the same way.
    trend: extra.trend.map(({ year, value, frozen, numerator, denominator }) => ({
      year,
      frozen,
      value: isSmall(peopleIn(definition, { numerator, denominator })) ? null : value,
    })),
    restatement: changed
      ? {
          value: isSmall(peopleIn(definition, changed)) ? null : changed.value,
          numerator: isSmall(peopleIn(definition, changed)) ? null : changed.numerator,
          difference:
            changed.value !== null && figure.value !== null && !headSuppressed
              ? changed.value - figure.value
              : null,
        }
      : null,
    breakdowns,
  };
}
