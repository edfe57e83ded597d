import { ErrorCode } from '@cll/domain';
import { error } from '@sveltejs/kit';
import { hasDrillDown, isIndicatorCode } from '$lib/indicators.js';
import { api } from '$lib/server/api.js';
import { errorMessage, readApiError, throwApiError } from '$lib/server/errors.js';
import { figureView, loadDashboard, periodView, readYear, requireBureau } from '$lib/server/indicators.js';
import type { PageServerLoad } from './$types.js';

const TOWNSHIP_CODE = /^\d{12}$/;

/**
 * The courses and providers behind one township's figure (never named residents). The township's own figure comes
 * from the dashboard, so it shows even when the list cannot be loaded; that failure is said on the page instead of
 * replacing it with an error page.
 */
export const load: PageServerLoad = async (event) => {
  const { isAdmin } = requireBureau(event);
  const { code, township } = event.params;
  if (!isIndicatorCode(code) || !TOWNSHIP_CODE.test(township)) error(404, { message: 'error.NOT_FOUND' });
  const year = readYear(event.url.searchParams.get('year'));
  const drillable = hasDrillDown(code);
  const [dashboard, drill] = await Promise.all([
    loadDashboard(event, year),
    drillable
      ? api(event).GET('/api/indicators/drill', { params: { query: { year, code, township } } })
      : Promise.resolve(null),
  ]);
  const wanted: string = code;
  const figure = dashboard.indicators.find((f) => f.code === wanted);
  if (!figure) error(404, { message: 'error.NOT_FOUND' });

  let rows: Array<{
    courseId: string | null;
    title: string;
    providerName: string;
    persons: number | null;
    times: number | null;
  }> = [];
  let problem: { message: ReturnType<typeof errorMessage>; requestId: string | null } | null = null;
  if (drill) {
    if (drill.data) {
      rows = drill.data.map((r) => ({
        courseId: r.courseId,
        title: r.title,
        providerName: r.providerName,
        persons: r.persons,
        times: r.times,
      }));
    } else {
      const apiError = readApiError(drill);
      // A lost session, a township outside the user's area or no access: the usual answers.
      if (
        apiError.code === ErrorCode.AuthRequired ||
        apiError.code === ErrorCode.AuthTokenInvalid ||
        apiError.status === 403 ||
        apiError.status === 404
      )
        throwApiError(drill, event.url);
      problem = { message: errorMessage(apiError), requestId: apiError.requestId ?? null };
    }
  }
  const cell = figure.breakdowns.township?.find((c) => c.key === township) ?? null;
  return {
    isAdmin,
    code,
    year,
    period: periodView(dashboard),
    figure: figureView(figure),
    township: { code: township, name: cell?.label ?? township },
    cell: cell ? { ...cell } : null,
    drillable,
    rows,
    problem,
  };
};
