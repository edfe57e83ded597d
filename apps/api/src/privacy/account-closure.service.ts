import { Injectable } from '@nestjs/common';
import { ErrorCode, maskName, Role } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { normaliseLogin } from '../auth/auth.service.js';
import { LoginThrottleService } from '../auth/login-throttle.service.js';
import { PasswordService } from '../auth/password.service.js';
import { DomainException } from '../common/domain.exception.js';
import type { AccountClosedResponse } from './dto/account-closure.dto.js';

/** What a closed account is called from then on (the row stays: records and certificates point at it). */
export const CLOSED_ACCOUNT_NAME = '已注销用户';
/** Not an argon2 hash: no password verifies against it. */
const NO_PASSWORD = '!closed';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Target {
  id: string;
  name: string;
  mobile: string | null;
  email: string | null;
  account_number: string | null;
  status: string;
  password_hash: string;
  township_code: string | null;
  staff: boolean;
}

/**
 * Closing an account (PIPL art. 47). Erased: name, mobile, e-mail, sign-in number, password, the ID number (ciphertext,
 * matching hash, masked form), authenticator and recovery codes, pending codes, the devices and places of sessions,
 * notifications, a guardian's name and mobile on apprenticeships, the full name on certificates (kept masked, as the
 * public verification page shows it) and their PDFs. Kept, without anything naming the person: birth date, sex,
 * township, village, attainment and employment (the county's indicators count them), enrolments, progress, learning
 * records, attainment events, certificates (still verifiable), consents (evidence of what was agreed, and when), and
 * the audit trail (append-only, ids and counts only).
 */
@Injectable()
export class AccountClosureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** The resident closes their own account; the password is asked again. */
  async closeOwn(user: AuthUser, password: string): Promise<AccountClosedResponse> {
    return this.dataSource.transaction(async (m) => {
      const target = await this.lock(m, user.id);
      if (!target || target.status === 'closed')
        throw new DomainException(ErrorCode.AccountClosed, 'This account is already closed.');
      if (!(await this.passwords.verify(target.password_hash, password)))
        throw DomainException.field(ErrorCode.PasswordWrong, 'password', 'The password is wrong.');
      return this.erase(m, target, user.id, { inPerson: false });
    });
  }

  /**
   * A bureau administrator acts on a request the resident made in person (identity checked on the document), within
   * the townships of their role; never their own account, never a staff account.
   */
  async closeInPerson(admin: AuthUser, account: string, reason: string): Promise<AccountClosedResponse> {
    return this.dataSource.transaction(async (m) => {
      const target = await this.lock(m, await this.resolve(m, account));
      if (!target || !this.inScope(admin, target.township_code))
        throw new DomainException(ErrorCode.NotFound, 'No such resident in your area.');
      if (target.id === admin.id)
        throw new DomainException(ErrorCode.AccountHasStaffRoles, 'Your own account is closed by yourself.');
      if (target.status === 'closed')
        throw new DomainException(ErrorCode.AccountClosed, 'This account is already closed.');
      return this.erase(m, target, admin.id, { inPerson: true, reason });
    });
  }

  /** The account by its id, or by the mobile, sign-in number or e-mail it signs in with. */
  private async resolve(m: EntityManager, account: string): Promise<string> {
    if (UUID.test(account)) return account;
    const who = normaliseLogin(account);
    const [row]: Array<{ id: string }> = await m.query(
      `SELECT id FROM users WHERE mobile = $1 OR account_number = $2 OR email = $3`,
      [who.mobile ?? null, who.accountNumber ?? null, who.email ?? null],
    );
    return row?.id ?? '00000000-0000-0000-0000-000000000000';
  }

  private inScope(admin: AuthUser, township: string | null): boolean {
    return admin.roles.some(
      (g) =>
        g.role === Role.BureauAdmin &&
        (g.townshipPrefix === null || (township !== null && township.startsWith(g.townshipPrefix))),
    );
  }

  /** The account's row, locked: a concurrent sign-in, refresh or second closure waits, then sees it closed. */
  private async lock(m: EntityManager, userId: string): Promise<Target | undefined> {
    const [row]: Target[] = await m.query(
      `SELECT u.id, u.name, u.mobile, u.email, u.account_number, u.status, u.password_hash, p.township_code,
              EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND r.role <> $2)
              OR EXISTS (SELECT 1 FROM service_point_staff d WHERE d.user_id = u.id AND d.withdrawn_at IS NULL)
                AS staff
         FROM users u LEFT JOIN learner_profiles p ON p.user_id = u.id
        WHERE u.id = $1
          FOR UPDATE OF u`,
      [userId, Role.Learner],
    );
    return row;
  }

  private async erase(
    m: EntityManager,
    target: Target,
    actorId: string,
    how: { inPerson: boolean; reason?: string },
  ): Promise<AccountClosedResponse> {
    if (target.staff) {
      throw new DomainException(
        ErrorCode.AccountHasStaffRoles,
        'A staff account is closed after its roles and service-point designations are withdrawn.',
      );
    }
    const id = target.id;
    const [sessions] = await m.query<[Array<{ ended_now: boolean }>, number]>(
      `UPDATE auth_sessions SET revoked_at = COALESCE(revoked_at, now()),
              revoked_reason = COALESCE(revoked_reason, 'account_closed'), user_agent = NULL, place = NULL
        WHERE user_id = $1 RETURNING revoked_at = now() AS ended_now`,
      [id],
    );
    await m.query(
      `DELETE FROM refresh_tokens WHERE session_id IN (SELECT s.id FROM auth_sessions s WHERE s.user_id = $1)`,
      [id],
    );
    for (const table of ['user_totp', 'mfa_recovery_codes', 'verification_codes', 'in_person_reset_codes'])
      await m.query(`DELETE FROM ${table} WHERE user_id = $1`, [id]);
    await m.query(`DELETE FROM notifications WHERE user_id = $1`, [id]);
    const keys = [
      target.mobile && this.throttle.accountKey({ mobile: target.mobile }),
      target.email && this.throttle.accountKey({ email: target.email }),
      target.account_number && this.throttle.accountKey({ accountNumber: target.account_number }),
    ].filter((k): k is string => !!k);
    await m.query(`DELETE FROM login_failures WHERE account_key = ANY($1::text[])`, [keys]);
    await m.query(
      `UPDATE learner_profiles SET id_number_enc = NULL, id_number_hash = NULL, id_number_hash_version = NULL,
              id_number_masked = NULL WHERE user_id = $1`,
      [id],
    );
    await m.query(
      `UPDATE privacy_consents SET withdrawn_at = now()
        WHERE user_id = $1 AND kind = 'sensitive_id_number' AND withdrawn_at IS NULL`,
      [id],
    );
    await m.query(
      `UPDATE proxy_relationships
          SET revoked_at = COALESCE(revoked_at, now()), revoked_by_user_id = COALESCE(revoked_by_user_id, $2),
              learner_mobile = CASE WHEN learner_user_id = $1 THEN NULL ELSE learner_mobile END
        WHERE learner_user_id = $1 OR proxy_user_id = $1`,
      [id, actorId],
    );
    await this.scrubText(m, target);
    await m.query(
      `UPDATE apprenticeship_agreements SET guardian_name = NULL, guardian_mobile = NULL WHERE apprentice_user_id = $1`,
      [id],
    );
    await m.query(
      `UPDATE certificates SET holder_name = $2, pdf = NULL, pdf_generated_at = NULL WHERE learner_user_id = $1`,
      [id, maskName(target.name)],
    );
    await m.query(
      `UPDATE users SET name = $2, mobile = NULL, email = NULL, account_number = NULL, managed = false,
              password_hash = $3, status = 'closed', closed_at = now()
        WHERE id = $1`,
      [id, CLOSED_ACCOUNT_NAME, NO_PASSWORD],
    );
    const sessionsEnded = sessions.filter((s) => s.ended_now).length;
    const [{ closed_at }]: Array<{ closed_at: Date }> = await m.query(
      `SELECT closed_at FROM users WHERE id = $1`,
      [id],
    );
    await this.audit.record(m, {
      action: how.inPerson ? 'privacy.account_closed_in_person' : 'privacy.account_closed',
      entityType: 'user',
      entityId: id,
      actorUserId: actorId,
      details: how.inPerson ? { sessionsEnded, reason: how.reason } : { sessionsEnded },
    });
    return { userId: id, closedAt: closed_at.toISOString(), sessionsEnded };
  }

  /**
   * Free text that may carry the person's identifiers although written about others (an apprenticeship's terms as
   * versioned, a roster a provider uploaded, a job's payload): the mobile and e-mail replaced wherever they appear.
   */
  private async scrubText(m: EntityManager, target: Target): Promise<void> {
    const guardians: Array<{ guardian_mobile: string | null }> = await m.query(
      `SELECT guardian_mobile FROM apprenticeship_agreements WHERE apprentice_user_id = $1`,
      [target.id],
    );
    const values = [target.mobile, target.email, ...guardians.map((g) => g.guardian_mobile)].filter(
      (v): v is string => !!v,
    );
    for (const value of values) {
      await m.query(
        `UPDATE apprenticeship_agreement_versions SET terms = replace(terms::text, $1, '[erased]')::jsonb
          WHERE strpos(terms::text, $1) > 0`,
        [value],
      );
      await m.query(
        `UPDATE roster_imports SET csv = replace(csv, $1, '[erased]') WHERE strpos(csv, $1) > 0`,
        [value],
      );
      await m.query(
        `UPDATE job_outbox SET payload = replace(payload::text, $1, '[erased]')::jsonb
          WHERE sent_at IS NOT NULL AND strpos(payload::text, $1) > 0`,
        [value],
      );
    }
  }
}
