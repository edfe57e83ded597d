import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { ErrorResponse } from '../../common/error-response.dto.js';
import type { AppConfig } from '../../config/config.js';
import { type RoleGrant, STEP_UP } from '../auth.decorators.js';

/** The roles that must use a second factor by default (ASVS 5.0 V6.3.3: multi-factor for privileged accounts). */
export const PRIVILEGED_ROLES: readonly Role[] = [
  Role.BureauAdmin,
  Role.BureauAnalyst,
  Role.ProviderAdmin,
  Role.EnterpriseAdmin,
];

/** Whether an account holding these roles must pass a second factor before using the platform. */
export function factorRequired(roles: readonly RoleGrant[], config: Pick<AppConfig, 'mfa'>): boolean {
  return roles.some((grant) =>
    config.mfa.requiredFor === 'all-staff'
      ? grant.role !== Role.Learner
      : PRIVILEGED_ROLES.includes(grant.role),
  );
}

/**
 * The most consequential actions: the authenticator code must have been entered on this session within the last
 * few minutes (MFA_STEP_UP_SECONDS), or the route answers STEP_UP_REQUIRED and the client asks for the code
 * (`POST /api/auth/mfa/verify`) and retries. Documents the 403 answers itself.
 */
export const StepUp = (forbidden = 'FORBIDDEN: the role does not allow this') =>
  applyDecorators(
    SetMetadata(STEP_UP, true),
    ApiForbiddenResponse({
      type: ErrorResponse,
      description:
        `${forbidden}; STEP_UP_REQUIRED: enter the authenticator code first (valid a few minutes), then retry; ` +
        'MFA_REQUIRED: the session has not passed its second factor',
    }),
  );
