import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { PeopleModule } from '../people/people.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LocalStrategy } from './local.strategy.js';
import { PasswordService } from './password.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordPolicyService } from './password-policy.service.js';
import { RecoveryService } from './recovery.service.js';
import { InPersonResetController } from './in-person-reset.controller.js';
import { InPersonResetService } from './in-person-reset.service.js';
import { TokenService } from './token.service.js';
import { MeQuery } from '../people/me.query.js';
import { MfaController } from './mfa/mfa.controller.js';
import { MfaService } from './mfa/mfa.service.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [PassportModule, JwtModule.register({}), PeopleModule],
  controllers: [AuthController, MfaController, InPersonResetController],
  providers: [
    AuthService,
    TokenService,
    PasswordService,
    LoginThrottleService,
    PasswordPolicyService,
    RecoveryService,
    InPersonResetService,
    LocalStrategy,
    JwtStrategy,
    MeQuery,
    MfaService,
    SessionsService,
  ],
  exports: [PasswordService, LoginThrottleService],
})
export class AuthModule {}
