import { ErrorCode } from '@cll/domain';
import { redirect } from '@sveltejs/kit';
import { readRecordsExport } from '$lib/records-export.js';
import { api } from '$lib/server/api.js';
import { downloadFailed, passDownload } from '$lib/server/download.js';
import { requireUser } from '$lib/server/session.js';
import type { RequestHandler } from './$types.js';

/**
 * The school's completions as CSV, passed on from the API as it streams them (BOM included, names masked); the form
 * on the provider dashboard sends here. A refusal goes back to the dashboard, which names the problem.
 */
export const GET: RequestHandler = async (event) => {
  requireUser(event);
  const wanted = readRecordsExport(event.url.searchParams);
  const provider = event.url.searchParams.get('provider') ?? '';
  const back = `/provider?provider=${encodeURIComponent(provider)}`;
  if (!wanted) redirect(303, `${back}&problem=${ErrorCode.ValidationFailed}#records-export`);
  const result = await api(event).GET('/api/providers/{providerId}/records.csv', {
    params: { path: { providerId: wanted.providerId }, query: wanted.query },
    parseAs: 'stream',
  });
  if (!result.response.ok) downloadFailed(result, event, back, '#records-export');
  return passDownload(result, 'learning-records.csv', 'text/csv; charset=utf-8');
};
