import { IndicatorCode } from '@cll/domain';
import { error } from '@sveltejs/kit';
import {
  AGE_BAND_CODES,
  bandBoundaries,
  bandMatchesBaseline,
  hasDrillDown,
  isIndicatorCode,
  readAgeBand,
  readSort,
  sortCells,
  type Cell,
} from '$lib/indicators.js';
import { figureView, loadDashboard, periodView, readYear, requireBureau } from '$lib/server/indicators.js';
import type { PageServerLoad } from './$types.js';

/** Its age breakdown lists the baseline's own bands. */
const YEARS_OF_SCHOOLING: string = IndicatorCode.Mys15Bulletin;
const OTHER_DIMENSIONS = ['age_band', 'sex', 'category'] as const;

const cellView = (c: Cell): Cell => ({
  key: c.key,
  label: c.label,
  numerator: c.numerator,
  denominator: c.denominator,
  value: c.value,
  suppressed: c.suppressed,
  restatement: c.restatement ? { ...c.restatement } : null,
});

/**
 * One indicator: its definition, trend, townships (sorted through the query string, so sorting works without
 * JavaScript) and other breakdowns. Participation can be computed live for another age band (`ageFrom`, `ageTo`).
 */
export const load: PageServerLoad = async (event) => {
  const { isAdmin } = requireBureau(event);
  const code = event.params.code;
  if (!isIndicatorCode(code)) error(404, { message: 'error.NOT_FOUND' });
  const params = event.url.searchParams;
  const year = readYear(params.get('year'));
  const { sort, dir } = readSort(params);

  const bandable = AGE_BAND_CODES.includes(code);
  const typedFrom = params.get('ageFrom') ?? '';
  const typedTo = params.get('ageTo') ?? '';
  const asked = bandable && (typedFrom !== '' || typedTo !== '');
  const { band, errors: bandErrors } = asked ? readAgeBand(typedFrom, typedTo) : { band: null, errors: {} };

  const dashboard = await loadDashboard(event, year, band ?? undefined);
  const wanted: string = code;
  const figure = dashboard.indicators.find((f) => f.code === wanted);
  if (!figure) error(404, { message: 'error.NOT_FOUND' });
  // The baseline's age bands from 15 up, as the years-of-schooling breakdown lists them.
  const bandKeys = bandable
    ? (dashboard.indicators
        .find((f) => f.code === YEARS_OF_SCHOOLING)
        ?.breakdowns.age_band?.map((c) => c.key) ?? [])
    : [];
  const period = periodView(dashboard);

  return {
    isAdmin,
    code,
    year,
    period,
    figure: figureView(figure),
    sort,
    dir,
    drillable: hasDrillDown(code),
    hasTownships: figure.breakdowns.township !== undefined,
    townships: sortCells((figure.breakdowns.township ?? []).map(cellView), sort, dir),
    breakdowns: OTHER_DIMENSIONS.flatMap((dimension) => {
      const cells = figure.breakdowns[dimension];
      return cells ? [{ dimension, cells: cells.map(cellView) }] : [];
    }),
    band: bandable
      ? {
          from: asked ? typedFrom : String(period.ageBand.from),
          to: asked ? typedTo : String(period.ageBand.to ?? ''),
          errors: bandErrors,
          boundaries: bandBoundaries(bandKeys),
          // A band that does not line up with the baseline's has no denominator: the API gives none, we say why.
          mismatch:
            period.baseline !== null &&
            ((period.live && figure.denominator === null) ||
              (period.ageBand.to !== null &&
                bandMatchesBaseline(bandKeys, period.ageBand.from, period.ageBand.to) === false)),
        }
      : null,
  };
};
