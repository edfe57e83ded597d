import { error } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { downloadFailed, passDownload } from '$lib/server/download.js';
import { api } from '$lib/server/api.js';
import { requireUser } from '$lib/server/session.js';
import type { RequestHandler } from './$types.js';

/** One of my certificates as a signed Open Badges credential, for a digital wallet. */
export const GET: RequestHandler = async (event) => {
  requireUser(event);
  const { id } = event.params;
  if (!isUuid(id)) error(404, { message: 'error.NOT_FOUND' });
  const result = await api(event).GET('/api/me/certificates/{id}/credential.json', {
    params: { path: { id } },
    parseAs: 'stream',
  });
  if (!result.response.ok) downloadFailed(result, event, '/learn', '#certificates');
  return passDownload(result, `certificate-${id}.credential.json`, 'application/json');
};
