import { Role } from '@cll/domain';
import { api } from '$lib/server/api.js';
import type { LayoutServerLoad } from './$types.js';

/** Which areas the header links to; the API decides access to each area's data. */
const PROVIDER_ROLES: readonly string[] = [Role.ProviderStaff, Role.ProviderAdmin];
const BUREAU_ROLES: readonly string[] = [Role.BureauAnalyst, Role.BureauAdmin];
const MENTOR_ROLES: readonly string[] = [Role.EnterpriseMentor, Role.EnterpriseAdmin];
const AUDIT_ROLE: string = Role.BureauAdmin;

export const load: LayoutServerLoad = async (event) => {
  const { locale, displayMode, user } = event.locals;
  let unread = 0;
  if (user) {
    // No count-only endpoint exists; the list response carries the unread count.
    const { data } = await api(event).GET('/api/me/notifications');
    unread = data?.unread ?? 0;
  }
  const roles: string[] = user?.roles.map((r) => r.role) ?? [];
  return {
    locale,
    displayMode,
    user: user
      ? {
          name: user.name,
          canSeeAudit: roles.includes(AUDIT_ROLE),
          // The platform's administrators also watch the job queues (the API refuses anyone else).
          canSeeQueues: roles.includes(Role.BureauAdmin),
          canSeeProvider: roles.some((role) => PROVIDER_ROLES.includes(role)),
          canSeeBureau: roles.some((role) => BUREAU_ROLES.includes(role)),
          canSeeMentor: roles.some((role) => MENTOR_ROLES.includes(role)),
          // Provider administrators revoke their own provider's certificates, bureau administrators any.
          canRevoke: roles.includes(Role.ProviderAdmin) || roles.includes(Role.BureauAdmin),
          // Designated by the bureau for a township service point (a designation, not a role).
          canSeeServicePoint: (user.servicePoints?.length ?? 0) > 0,
        }
      : null,
    unread,
  };
};
