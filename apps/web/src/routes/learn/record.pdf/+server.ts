import { downloadFailed, passDownload } from '$lib/server/download.js';
import { api } from '$lib/server/api.js';
import { requireUser } from '$lib/server/session.js';
import type { RequestHandler } from './$types.js';

export const GET: RequestHandler = async (event) => {
  requireUser(event);
  const result = await api(event).GET('/api/me/record/export.pdf', { parseAs: 'stream' });
  if (!result.response.ok) downloadFailed(result, event, '/learn', '#problem');
  return passDownload(result, 'learning-record.pdf', 'application/pdf');
};
