import { Role } from '@cll/domain';
import { api } from '$lib/server/api.js';
import { requireUser } from '$lib/server/session.js';
import type { LayoutServerLoad } from './$types.js';

const MENTOR_ROLES: readonly string[] = [Role.EnterpriseMentor, Role.EnterpriseAdmin];
const ADMIN_ROLE: string = Role.EnterpriseAdmin;
const MENTOR_ROLE: string = Role.EnterpriseMentor;

/**
 * The companies the user mentors for or administers (from their role grants). Pages act for one of them, chosen with
 * `?enterprise=` (the first one otherwise); the API checks every call against the user's own companies.
 */
export const load: LayoutServerLoad = async (event) => {
  const user = requireUser(event);
  const byId = new Map<string, { id: string; name: string; admin: boolean }>();
  for (const grant of user.roles) {
    if (!grant.enterpriseId) continue;
    if (!MENTOR_ROLES.includes(grant.role)) continue;
    const known = byId.get(grant.enterpriseId);
    byId.set(grant.enterpriseId, {
      id: grant.enterpriseId,
      name: '',
      admin: Boolean(known?.admin) || grant.role === ADMIN_ROLE,
    });
  }
  // Role grants carry no names. The company list is open to mentors but not to administrators; without it the
  // area bar simply names no company.
  if (byId.size > 0 && user.roles.some((g) => g.role === MENTOR_ROLE)) {
    const { data } = await api(event).GET('/api/enterprises');
    for (const e of data ?? []) {
      const mine = byId.get(e.id);
      if (mine) mine.name = e.name;
    }
  }
  const enterprises = [...byId.values()];
  const wanted = event.url.searchParams.get('enterprise');
  const current = enterprises.find((e) => e.id === wanted) ?? enterprises[0] ?? null;
  return { enterprises, current };
};
