import { error } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { api } from '$lib/server/api.js';
import { downloadFailed, passDownload } from '$lib/server/download.js';
import { requireBureau } from '$lib/server/indicators.js';
import type { RequestHandler } from './$types.js';

/** Every problem the import found (line, field, code, message), for correcting the file. */
export const GET: RequestHandler = async (event) => {
  requireBureau(event);
  const { id } = event.params;
  if (!isUuid(id)) error(404, { message: 'error.NOT_FOUND' });
  const result = await api(event).GET('/api/population-baselines/{id}/errors.csv', {
    params: { path: { id } },
    parseAs: 'stream',
  });
  if (!result.response.ok) downloadFailed(result, event, `/bureau/baselines/${id}`);
  return passDownload(result, `baseline-errors-${id}.csv`, 'text/csv; charset=utf-8');
};
