import { Role } from '@cll/domain';
import { api } from '$lib/server/api.js';
import type { LayoutServerLoad } from './$types.js';

/** Who gets the audit link; the API decides access to the trail itself. */
const AUDIT_ROLE: string = Role.BureauAdmin;

export const load: LayoutServerLoad = async (event) => {
  const { locale, user } = event.locals;
  let unread = 0;
  if (user) {
    // No count-only endpoint exists; the list response carries the unread count.
    const { data } = await api(event).GET('/api/me/notifications');
    unread = data?.unread ?? 0;
  }
  const canSeeAudit = user?.roles.some((r) => r.role === AUDIT_ROLE) ?? false;
  return { locale, user: user ? { name: user.name, canSeeAudit } : null, unread };
};
