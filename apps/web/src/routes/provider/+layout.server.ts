import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import { requireUser } from '$lib/server/session.js';
import type { LayoutServerLoad } from './$types.js';

/**
 * The providers the user works for. Pages act for one of them, chosen with `?provider=` (the first one otherwise);
 * the API checks every call against the user's own providers.
 */
export const load: LayoutServerLoad = async (event) => {
  requireUser(event);
  const result = await api(event).GET('/api/me/providers');
  if (!result.data) throwApiError(result, event.url);
  const providers = result.data.map((p) => ({ id: p.id, name: p.name, status: p.status, role: p.role }));
  const wanted = event.url.searchParams.get('provider');
  const current = providers.find((p) => p.id === wanted) ?? providers[0] ?? null;
  return { providers, current };
};
