import { api } from '$lib/server/api.js';
import { downloadFailed, passDownload } from '$lib/server/download.js';
import { readYear, requireBureau } from '$lib/server/indicators.js';
import type { RequestHandler } from './$types.js';

/** A year's published figures as the API writes them (UTF-8 with a BOM, so spreadsheets read the Chinese). */
export const GET: RequestHandler = async (event) => {
  requireBureau(event);
  const year = readYear(event.url.searchParams.get('year'));
  const result = await api(event).GET('/api/indicators/export.csv', {
    params: { query: { year } },
    parseAs: 'stream',
  });
  if (!result.response.ok) downloadFailed(result, event, '/bureau/indicators');
  return passDownload(result, `indicators-${year}.csv`, 'text/csv; charset=utf-8');
};
