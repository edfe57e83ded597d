import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@cll/domain';

export const IS_PUBLIC = 'cll:public';
export const ROLES = 'cll:roles';

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

/** The signed-in user, as the JWT strategy found them in the database for this request. */
export interface AuthUser {
  id: string;
  sessionId: string;
  roles: RoleGrant[];
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
