import { error } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { api } from '$lib/server/api.js';
import { downloadFailed, passDownload } from '$lib/server/download.js';
import { requireUser } from '$lib/server/session.js';
import type { RequestHandler } from './$types.js';

/** The rows an import could not take, as the API writes them (with a BOM, so spreadsheets read the Chinese). */
export const GET: RequestHandler = async (event) => {
  requireUser(event);
  const { sessionId, importId } = event.params;
  if (!isUuid(sessionId) || !isUuid(importId)) error(404, { message: 'error.NOT_FOUND' });
  const result = await api(event).GET('/api/roster-imports/{id}/rejected.csv', {
    params: { path: { id: importId } },
    parseAs: 'stream',
  });
  if (!result.response.ok)
    downloadFailed(result, event, `/provider/sessions/${sessionId}/roster/imports/${importId}`);
  return passDownload(result, `rejected-${importId}.csv`, 'text/csv; charset=utf-8');
};
