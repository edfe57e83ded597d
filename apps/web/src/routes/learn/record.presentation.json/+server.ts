import { downloadFailed, passDownload } from '$lib/server/download.js';
import { api } from '$lib/server/api.js';
import { requireUser } from '$lib/server/session.js';
import type { RequestHandler } from './$types.js';

/** Every certificate of mine as one signed presentation, for a digital wallet. */
export const GET: RequestHandler = async (event) => {
  requireUser(event);
  const result = await api(event).GET('/api/me/record/presentation.json', { parseAs: 'stream' });
  if (!result.response.ok) downloadFailed(result, event, '/learn', '#record-heading');
  return passDownload(result, 'learning-record.presentation.json', 'application/json');
};
