import { api } from '$lib/server/api.js';
import { downloadFailed, passDownload } from '$lib/server/download.js';
import { readYear, requireBureau } from '$lib/server/indicators.js';
import type { RequestHandler } from './$types.js';

/** A year's published figures as an Excel workbook. */
export const GET: RequestHandler = async (event) => {
  requireBureau(event);
  const year = readYear(event.url.searchParams.get('year'));
  const result = await api(event).GET('/api/indicators/export.xlsx', {
    params: { query: { year } },
    parseAs: 'stream',
  });
  if (!result.response.ok) downloadFailed(result, event, '/bureau/indicators');
  return passDownload(
    result,
    `indicators-${year}.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
};
