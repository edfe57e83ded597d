import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import { requireUser } from '$lib/server/session.js';
import type { PageServerLoad } from './$types.js';

const PAGE_SIZE = 50;

/** The audit trail for bureau administrators; the API refuses everyone else with 403, shown on the error page. */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const pageParam = Number(event.url.searchParams.get('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const result = await api(event).GET('/api/audit/events', {
    params: { query: { page, pageSize: PAGE_SIZE } },
  });
  if (!result.data) throwApiError(result, event.url);
  const { items, total } = result.data;
  return {
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    events: items.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      entity: e.entityId ? `${e.entityType} ${e.entityId}` : e.entityType,
      actor: e.actorUserId,
      requestId: e.requestId,
    })),
  };
};
