import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import { requireUser } from '$lib/server/session.js';
import type { RequestHandler } from './$types.js';

/** Everything the platform holds about me, as a JSON file (PIPL art. 45); the API audits each download. */
export const GET: RequestHandler = async (event) => {
  requireUser(event);
  const result = await api(event).GET('/api/me/data-export');
  if (!result.data) throwApiError(result, event.url);
  return new Response(JSON.stringify(result.data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="my-data.json"',
      'cache-control': 'no-store',
    },
  });
};
