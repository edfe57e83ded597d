import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ErrorCode, type Role } from '@cll/domain';
import type { Request } from 'express';
import { DomainException } from '../common/domain.exception.js';
import { type AuthUser, IS_PUBLIC, ROLES } from './auth.decorators.js';

/** The one global guard: public routes pass, others need a valid access token, `@Roles` narrows further. */
@Injectable()
export class GlobalAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
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
