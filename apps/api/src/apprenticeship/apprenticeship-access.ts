import { AgreementParty, ErrorCode, Role } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { providerIdsOf } from '../organisations/provider-access.js';
import { ApprenticeshipAgreement } from './apprenticeship.entities.js';

const ENTERPRISE_ROLES: readonly Role[] = [Role.EnterpriseMentor, Role.EnterpriseAdmin];

/** Enterprises the user is a mentor or administrator of. */
export function enterpriseIdsOf(user: AuthUser): string[] {
  return user.roles
    .filter((g) => ENTERPRISE_ROLES.includes(g.role) && g.enterpriseId)
    .map((g) => g.enterpriseId as string);
}

/** The parties of an agreement the user acts for: its school's staff, its enterprise's users, the apprentice. */
export function partiesOf(user: AuthUser, a: ApprenticeshipAgreement): AgreementParty[] {
  const parties: AgreementParty[] = [];
  if (providerIdsOf(user).includes(a.providerId)) parties.push(AgreementParty.School);
  if (enterpriseIdsOf(user).includes(a.enterpriseId)) parties.push(AgreementParty.Enterprise);
  if (a.apprenticeUserId === user.id) parties.push(AgreementParty.Apprentice);
  return parties;
}

/** The SQL condition (on alias `a`) for agreements the user may see, with its parameters from `$first`. */
export function visibleAgreementsSql(user: AuthUser, first: number): { sql: string; params: unknown[] } {
  return {
    sql: `(a.provider_id = ANY($${first}::uuid[]) OR a.enterprise_id = ANY($${first + 1}::uuid[])
           OR a.apprentice_user_id = $${first + 2})`,
    params: [providerIdsOf(user), enterpriseIdsOf(user), user.id],
  };
}

/**
 * Loads an agreement the user is a party to, locked for update when asked. Anyone else gets 404, exactly as for an
 * agreement that does not exist, so ids cannot be probed.
 */
export async function loadAgreement(
  m: EntityManager,
  user: AuthUser,
  id: string,
  lock = false,
): Promise<{ agreement: ApprenticeshipAgreement; parties: AgreementParty[] }> {
  const agreement = await m.findOne(ApprenticeshipAgreement, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  const parties = agreement ? partiesOf(user, agreement) : [];
  if (!agreement || parties.length === 0) {
    throw new DomainException(ErrorCode.NotFound, 'No such apprenticeship agreement.');
  }
  return { agreement, parties };
}

/** Refuses when the user does not act for `party` on this agreement (they can see it, so 403 rather than 404). */
export function requireParty(parties: AgreementParty[], party: AgreementParty, action: string): void {
  if (!parties.includes(party)) {
    throw new DomainException(ErrorCode.NotAParty, `Only the ${party} side can ${action}.`);
  }
}
