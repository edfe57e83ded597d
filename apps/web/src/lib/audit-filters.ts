import type { FormErrors } from './forms.js';
import { isUuid } from './ids.js';
import { isCalendarDate } from './roster-form.js';
import { auditZhCN } from './i18n/zh-CN/audit.js';

/** The audit trail's filters as the URL carries them ("" when not set). */
export interface AuditFilters {
  action: string;
  actor: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}

export const AUDIT_FILTER_NAMES = ['action', 'actor', 'entityType', 'entityId', 'from', 'to'] as const;

/** Every action code the platform labels, in the order of the label dictionary (grouped by domain). */
export const AUDIT_ACTIONS: readonly string[] = Object.keys(auditZhCN)
  .filter((k) => k.startsWith('auditAction.'))
  .map((k) => k.slice('auditAction.'.length));

const ACTION = /^[a-z_.]{1,60}$/;
const ENTITY_TYPE = /^[a-z_]{1,60}$/;
const ENTITY_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Reads the filters from the page's address and checks them as the API does, so a mistyped date is shown beside
 * its field instead of an error page. Only the valid ones are sent; `errors` names the others.
 */
export function readAuditFilters(params: URLSearchParams): { filters: AuditFilters; errors: FormErrors } {
  const read = (name: string) => (params.get(name) ?? '').trim();
  const filters: AuditFilters = {
    action: read('action'),
    actor: read('actor'),
    entityType: read('entityType'),
    entityId: read('entityId'),
    from: read('from'),
    to: read('to'),
  };
  const errors: FormErrors = {};
  if (filters.action && !ACTION.test(filters.action)) errors.action = { key: 'validation.isIn' };
  if (filters.actor && !isUuid(filters.actor)) errors.actor = { key: 'audit.filter.actorInvalid' };
  if (filters.entityType && !ENTITY_TYPE.test(filters.entityType))
    errors.entityType = { key: 'validation.isIn' };
  if (filters.entityId && !ENTITY_ID.test(filters.entityId)) errors.entityId = { key: 'validation.matches' };
  if (filters.from && !isCalendarDate(filters.from)) errors.from = { key: 'validation.isIso8601' };
  if (filters.to && !isCalendarDate(filters.to)) errors.to = { key: 'validation.isIso8601' };
  if (!errors.from && !errors.to && filters.from && filters.to && filters.to < filters.from)
    errors.to = { key: 'audit.filter.toBeforeFrom' };
  return { filters, errors };
}

/** The query string (without `?`) of the trail with these filters (empty ones left out) and, past the first, the page. */
export function auditQueryString(filters: Partial<AuditFilters>, page = 1): string {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  if (page > 1) params.set('page', String(page));
  return params.toString();
}
