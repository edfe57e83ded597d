import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { assertValidBody } from '../common/validation.js';
import { AuthService } from './auth.service.js';
import { LoginDto } from './dto/auth.dto.js';

/** `POST /auth/login` with `{ login, password }`; `login` is a mobile number or an e-mail address. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'login', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(request: Request, login: string, password: string): Promise<{ id: string }> {
    // The guard runs before the validation pipe: a body of the wrong shape is refused here, as the pipe would.
    assertValidBody(LoginDto, request.body);
    return this.auth.validateCredentials(login, password, request.ip ?? 'unknown');
  }
}
