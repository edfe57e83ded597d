import { ErrorCode, Role } from '@cll/domain';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';

const STAFF_ROLES: readonly Role[] = [Role.ProviderStaff, Role.ProviderAdmin];

/** Providers the user works for (as staff or administrator). */
export function providerIdsOf(user: AuthUser, adminOnly = false): string[] {
  const roles = adminOnly ? [Role.ProviderAdmin] : STAFF_ROLES;
  return user.roles.filter((g) => roles.includes(g.role) && g.providerId).map((g) => g.providerId as string);
}

/**
 * Object-level access to a provider's offer. Someone else's provider answers 404, exactly like a provider that
 * does not exist, so ids cannot be probed.
 */
export function assertProviderMember(user: AuthUser, providerId: string, adminOnly = false): void {
  if (!providerIdsOf(user, adminOnly).includes(providerId)) {
    throw new DomainException(ErrorCode.NotFound, 'No such provider, course, lesson or session.');
  }
}

export function isBureau(user: AuthUser): boolean {
  return user.roles.some((g) => g.role === Role.BureauAdmin || g.role === Role.BureauAnalyst);
}

/** Whether a township lies within the bureau user's area (the whole county unless their roles are limited). */
export function inBureauScope(user: AuthUser, townshipCode: string): boolean {
  const prefixes = bureauTownshipPrefixes(user);
  return !prefixes || prefixes.some((p) => townshipCode.startsWith(p));
}

/**
 * Division-code prefixes a bureau user is limited to; null when at least one of their bureau roles covers the
 * whole county.
 */
export function bureauTownshipPrefixes(user: AuthUser): string[] | null {
  const grants = user.roles.filter((g) => g.role === Role.BureauAdmin || g.role === Role.BureauAnalyst);
  if (grants.some((g) => !g.townshipPrefix)) return null;
  return grants.map((g) => g.townshipPrefix as string);
}
