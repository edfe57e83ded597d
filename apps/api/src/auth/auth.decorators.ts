import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@cll/domain';

export const IS_PUBLIC = 'cll:public';
export const ROLES = 'cll:roles';
export const MFA_EXEMPT = 'cll:mfa-exempt';
export const STEP_UP = 'cll:step-up';

/** Open to anonymous callers. Every other route needs a signed-in user. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only users holding one of these roles (in any scope; services check the scope). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface RoleGrant {
  role: Role;
  providerId: string | null;
  enterpriseId: string | null;
  townshipPrefix: string | null;
}

/**
 * Open to a session that has not passed its second factor yet: what it needs to finish signing in (enrol, enter the
 * code, read its own profile, sign out). Every other route answers MFA_REQUIRED to such a session.
 */
export const MfaExempt = () => SetMetadata(MFA_EXEMPT, true);

/** The second factor of this session, as the JWT strategy found it for this request. */
export interface SessionFactor {
  /** The account has a confirmed authenticator. */
  enrolled: boolean;
  /** This session passed the second factor (at sign-in, enrolment or a later code). */
  verified: boolean;
  /** The code was entered within the step-up window (MFA_STEP_UP_SECONDS), by the database's clock. */
  stepUpFresh: boolean;
}

/** The signed-in user, as the JWT strategy found them in the database for this request. */
export interface AuthUser {
  id: string;
  sessionId: string;
  roles: RoleGrant[];
  factor: SessionFactor;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
