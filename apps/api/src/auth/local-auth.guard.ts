import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ErrorCode } from '@cll/domain';
import { DomainException } from '../common/domain.exception.js';

@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<T>(error: unknown, user: T, info: { message?: string } | undefined): T {
    if (error instanceof Error) throw error;
    if (error) throw new Error('Login failed in the local strategy');
    if (!user) {
      // passport-local says "Missing credentials" when a field is absent or not a string.
      throw new DomainException(ErrorCode.ValidationFailed, info?.message ?? 'Missing credentials', [
        { field: 'login', code: 'isNotEmpty', message: 'login and password are required' },
      ]);
    }
    return user;
  }
}
