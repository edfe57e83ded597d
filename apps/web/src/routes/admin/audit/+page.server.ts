import { readAuditFilters } from '$lib/audit-filters.js';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { formErrorsFrom, readApiError, throwApiError } from '$lib/server/errors.js';
import { requireUser } from '$lib/server/session.js';
import type { PageServerLoad } from './$types.js';

const PAGE_SIZE = 50;
const NO_ERRORS: FormErrors = {};

interface Person {
  id: string;
  name: string;
  masked: boolean;
  kind: 'staff' | 'resident';
}

/**
 * The audit trail for bureau administrators; the API refuses everyone else with 403, shown on the error page.
 * Filters come from the address (a GET form, so they work without JavaScript and can be bookmarked); one that is
 * not valid is shown beside its field and nothing is listed until it is corrected.
 */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const pageParam = Number(event.url.searchParams.get('page') ?? '1');
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const { filters, errors } = readAuditFilters(event.url.searchParams);
  const empty = {
    page,
    pages: 1,
    total: 0,
    filters,
    entityTypes: [] as string[],
    actorFilter: null as Person | null,
    events: [] as never[],
  };
  if (hasErrors(errors)) return { ...empty, errors };
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  const result = await api(event).GET('/api/audit/events', {
    params: { query: { ...query, page, pageSize: PAGE_SIZE } },
  });
  if (!result.data) {
    const apiError = readApiError(result);
    if (apiError.status === 400) return { ...empty, errors: formErrorsFrom(apiError) };
    throwApiError(result, event.url);
  }
  const { items, total, entityTypes, actorFilter } = result.data;
  return {
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    filters,
    entityTypes,
    actorFilter,
    errors: NO_ERRORS,
    events: items.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      actor: e.actor,
      onBehalfOf: e.onBehalfOf,
      requestId: e.requestId,
    })),
  };
};
