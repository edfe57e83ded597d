import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ErrorCode, type Role } from '@cll/domain';
import type { Request } from 'express';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type AuthUser, IS_PUBLIC, MFA_EXEMPT, ROLES, STEP_UP } from './auth.decorators.js';
import { factorRequired } from './mfa/mfa-policy.js';

/**
 * The one global guard: public routes pass, others need a valid access token, `@Roles` narrows further. A session
 * of an account that must (or chose to) use a second factor and has not passed it reaches only `@MfaExempt` routes;
 * `@StepUp` routes need the code entered within the last few minutes.
 */
@Injectable()
export class GlobalAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.headers.authorization) {
      throw new DomainException(ErrorCode.AuthRequired, 'Sign in to continue.');
    }
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const user = request.user as AuthUser;
    if (roles?.length && !user.roles.some((grant) => roles.includes(grant.role))) {
      throw new DomainException(ErrorCode.Forbidden, 'Your role does not allow this.');
    }
    const { factor } = user;
    const exempt = this.reflector.getAllAndOverride<boolean>(MFA_EXEMPT, targets);
    if (!exempt && !factor.verified && (factor.enrolled || factorRequired(user.roles, this.config))) {
      throw new DomainException(
        ErrorCode.MfaRequired,
        factor.enrolled
          ? 'Enter the code from your authenticator app to finish signing in.'
          : 'Staff accounts need a second factor: set up an authenticator app first.',
        undefined,
        { secondFactorEnrolled: factor.enrolled },
      );
    }
    if (this.reflector.getAllAndOverride<boolean>(STEP_UP, targets) && !factor.stepUpFresh) {
      throw new DomainException(
        ErrorCode.StepUpRequired,
        'For this action, enter the code from your authenticator app again.',
        undefined,
        { secondFactorEnrolled: factor.enrolled },
      );
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof DomainException) throw error;
    if (error || !user) {
      throw new DomainException(
        ErrorCode.AuthTokenInvalid,
        'Your sign-in has expired or was revoked. Sign in again.',
      );
    }
    return user;
  }
}
