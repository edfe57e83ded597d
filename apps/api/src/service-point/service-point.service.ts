import { Inject, Injectable } from '@nestjs/common';
import { ageOn, ErrorCode, parseIdNumber, Role, type Sex } from '@cll/domain';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { loginWhere, normaliseLogin } from '../auth/auth.service.js';
import { RateLimitService } from '../auth/rate-limit.service.js';
import { maskMobile } from '../auth/sms-text.js';
import { DomainException } from '../common/domain.exception.js';
import { todayInCounty } from '../common/date-only.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { GeoService } from '../geo/geo.service.js';
import { LearnerProfile, RoleAssignment, User } from '../people/people.entities.js';
import { PiiService } from '../people/pii.service.js';
import type { IdDocumentType, ProxyKind } from '../proxy/proxy.entities.js';
import type {
  DesignateStaffDto,
  InPersonConsentDto,
  InPersonConsentResponse,
  ManagedAccountDto,
  ManagedAccountResponse,
  MyServicePointResponse,
  ResetCodeRequestDto,
  ResetCodeResponse,
  StaffDesignationResponse,
} from './dto/service-point.dto.js';
import { newResetCode, RESET_CODE_TTL_SECONDS, resetCodeHash } from './reset-code.js';

interface Resident {
  id: string;
  name: string;
  mobile: string | null;
  email: string | null;
  account_number: string | null;
  managed: boolean;
}

const HOUR = 3600;
/** Staff actions per staff member per hour: a service point serves residents one at a time. */
const STAFF_ACTIONS_PER_HOUR = 60;

export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/**
 * Township service points: the bureau designates their staff; staff, after checking a resident's ID document,
 * record consent in person, register managed accounts and issue one-time reset codes, for their own township only.
 * Each action locks the staff member's designation (FOR SHARE), so a withdrawal either comes first or waits.
 */
@Injectable()
export class ServicePointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiService,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ——— The bureau designates ———

  private assertBureauScope(user: AuthUser, townshipCode: string): void {
    const ok = user.roles.some(
      (g) =>
        g.role === Role.BureauAdmin &&
        (g.townshipPrefix === null || townshipCode.startsWith(g.townshipPrefix)),
    );
    if (!ok) throw new DomainException(ErrorCode.NotFound, 'No such township in your area.');
  }

  async designate(admin: AuthUser, dto: DesignateStaffDto): Promise<StaffDesignationResponse> {
    this.assertBureauScope(admin, dto.townshipCode);
    const id = await this.dataSource.transaction(async (m) => {
      await this.geo.assertTownship(m, dto.townshipCode);
      const staff = await m.findOne(User, {
        where: loginWhere(normaliseLogin(dto.login)),
        select: { id: true },
      });
      if (!staff)
        throw DomainException.field(ErrorCode.NotFound, 'login', 'No account has this mobile or e-mail.');
      const rows: Array<{ id: string }> = await m.query(
        `INSERT INTO service_point_staff (user_id, township_code, designated_by_user_id) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, township_code) WHERE withdrawn_at IS NULL DO NOTHING RETURNING id`,
        [staff.id, dto.townshipCode, admin.id],
      );
      if (!rows.length)
        throw new DomainException(
          ErrorCode.AlreadyDesignated,
          'This account is already staff of that service point.',
        );
      await this.audit.record(m, {
        action: 'service_point.staff_designated',
        entityType: 'service_point_staff',
        entityId: rows[0].id,
        actorUserId: admin.id,
        onBehalfOfUserId: staff.id,
        details: { townshipCode: dto.townshipCode },
      });
      return rows[0].id;
    });
    return (await this.designations(this.dataSource.manager, 'd.id = $1', [id]))[0];
  }

  async withdraw(admin: AuthUser, id: string): Promise<StaffDesignationResponse> {
    await this.dataSource.transaction(async (m) => {
      const [row]: Array<{ township_code: string; user_id: string; withdrawn_at: Date | null }> =
        await m.query(
          `SELECT township_code, user_id, withdrawn_at FROM service_point_staff WHERE id = $1 FOR UPDATE`,
          [id],
        );
      if (!row) throw new DomainException(ErrorCode.NotFound, 'No such designation.');
      this.assertBureauScope(admin, row.township_code);
      if (row.withdrawn_at) return; // already withdrawn: nothing changes
      await m.query(
        `UPDATE service_point_staff SET withdrawn_at = now(), withdrawn_by_user_id = $2 WHERE id = $1`,
        [id, admin.id],
      );
      await this.audit.record(m, {
        action: 'service_point.staff_withdrawn',
        entityType: 'service_point_staff',
        entityId: id,
        actorUserId: admin.id,
        onBehalfOfUserId: row.user_id,
        details: { townshipCode: row.township_code },
      });
    });
    return (await this.designations(this.dataSource.manager, 'd.id = $1', [id]))[0];
  }

  /** Names staff, so each view is on the audit trail. */
  async listStaff(admin: AuthUser): Promise<StaffDesignationResponse[]> {
    const prefixes = admin.roles
      .filter((g) => g.role === Role.BureauAdmin)
      .map((g) => g.townshipPrefix ?? '');
    return this.dataSource.transaction(async (m) => {
      const list = await this.designations(
        m,
        `d.township_code LIKE ANY (SELECT p || '%' FROM unnest($1::text[]) AS p)`,
        [prefixes],
      );
      await this.audit.record(m, {
        action: 'service_point.staff_viewed',
        entityType: 'service_point_staff',
        actorUserId: admin.id,
        details: { shown: list.length },
      });
      return list;
    });
  }

  private async designations(
    m: EntityManager,
    where: string,
    params: unknown[],
  ): Promise<StaffDesignationResponse[]> {
    const rows: Array<{
      id: string;
      user_id: string;
      name: string;
      mobile: string | null;
      township_code: string;
      township_name: string;
      designated_at: Date;
      withdrawn_at: Date | null;
    }> = await m.query(
      `SELECT d.id, d.user_id, u.name, u.mobile, d.township_code, t.name AS township_name, d.designated_at,
              d.withdrawn_at
         FROM service_point_staff d JOIN users u ON u.id = d.user_id JOIN townships t ON t.code = d.township_code
        WHERE ${where}
        ORDER BY d.withdrawn_at IS NOT NULL, d.designated_at DESC
        LIMIT 500`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      name: r.name,
      mobileMasked: r.mobile ? maskMobile(r.mobile) : null,
      townshipCode: r.township_code,
      townshipName: r.township_name,
      designatedAt: r.designated_at.toISOString(),
      withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    }));
  }

  /** The service points the caller is staff of now (empty for everyone else). */
  async mine(user: AuthUser): Promise<MyServicePointResponse[]> {
    const rows: Array<{ township_code: string; name: string; name_en: string }> = await this.dataSource.query(
      `SELECT d.township_code, t.name, t.name_en
         FROM service_point_staff d JOIN townships t ON t.code = d.township_code
        WHERE d.user_id = $1 AND d.withdrawn_at IS NULL ORDER BY t.code`,
      [user.id],
    );
    return rows.map((r) => ({
      townshipCode: r.township_code,
      townshipName: r.name,
      townshipNameEn: r.name_en,
    }));
  }

  // ——— Staff act ———

  private limit(user: AuthUser): Promise<void> {
    return this.rateLimits.consume({
      key: `service-point:${user.id}`,
      max: STAFF_ACTIONS_PER_HOUR,
      windowSeconds: HOUR,
    });
  }

  /** Inside the action's transaction; the designation row stays share-locked until it commits. */
  private async assertDesignated(m: EntityManager, user: AuthUser, townshipCode: string): Promise<string> {
    const rows: Array<{ id: string }> = await m.query(
      `SELECT id FROM service_point_staff
        WHERE user_id = $1 AND township_code = $2 AND withdrawn_at IS NULL FOR SHARE`,
      [user.id, townshipCode],
    );
    if (!rows.length) {
      throw new DomainException(
        ErrorCode.ServicePointNotDesignated,
        'You are not designated staff of this township’s service point.',
      );
    }
    return rows[0].id;
  }

  /** The resident of this township whose stored ID number has the same keyed hash as the one typed. */
  private async residentById(m: EntityManager, townshipCode: string, idNumber: string): Promise<Resident> {
    const parsed = parseIdNumber(idNumber);
    if ('problem' in parsed) throw invalidIdNumber();
    const rows: Resident[] = await m.query(
      `SELECT u.id, u.name, u.mobile, u.email, u.account_number, u.managed
         FROM learner_profiles p JOIN users u ON u.id = p.user_id
        WHERE p.id_number_hash = ANY($1::bpchar[]) AND p.township_code = $2 AND u.status = 'active'
          FOR UPDATE OF u`,
      // Under every configured hash key: during a key rotation a row may still carry an older key's hash.
      [this.pii.allIdNumberHashes(parsed.value), townshipCode],
    );
    if (!rows.length) {
      throw DomainException.field(
        ErrorCode.LearnerNotFound,
        'idNumber',
        'No account of a resident of this township has this ID number. The resident can add it to their profile, or register here.',
      );
    }
    return rows[0];
  }

  private async accountByLogin(
    m: EntityManager,
    login: string,
    field: string,
  ): Promise<{ id: string; name: string }> {
    const user = await m.findOne(User, {
      where: { ...loginWhere(normaliseLogin(login)), status: 'active' },
      select: { id: true, name: true },
    });
    if (!user)
      throw DomainException.field(ErrorCode.NotFound, field, 'No account has this mobile or e-mail.');
    return user;
  }

  /**
   * After checking the resident's document: a one-time code to set a new password with (shown once; only its keyed
   * hash is kept). Any earlier unused code of the account ends.
   */
  async issueResetCode(user: AuthUser, dto: ResetCodeRequestDto): Promise<ResetCodeResponse> {
    await this.limit(user);
    return this.dataSource.transaction(async (m) => {
      const designationId = await this.assertDesignated(m, user, dto.townshipCode);
      const resident = await this.residentById(m, dto.townshipCode, dto.idNumber);
      if (resident.id === user.id)
        throw new DomainException(
          ErrorCode.Forbidden,
          'Ask a colleague: staff do not reset their own account.',
        );
      await m.query(
        `UPDATE in_person_reset_codes SET expires_at = least(expires_at, now())
          WHERE user_id = $1 AND used_at IS NULL`,
        [resident.id],
      );
      const code = newResetCode();
      const [row]: Array<{ id: string; expires_at: Date }> = await m.query(
        `INSERT INTO in_person_reset_codes (user_id, code_hash, issued_by_user_id, township_code, document_type, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6)) RETURNING id, expires_at`,
        [
          resident.id,
          resetCodeHash(this.config.piiHashKey, resident.id, code),
          user.id,
          dto.townshipCode,
          dto.documentType,
          RESET_CODE_TTL_SECONDS,
        ],
      );
      await this.audit.record(m, {
        action: 'service_point.reset_code_issued',
        entityType: 'user',
        entityId: resident.id,
        actorUserId: user.id,
        onBehalfOfUserId: resident.id,
        details: {
          townshipCode: dto.townshipCode,
          documentType: dto.documentType,
          designationId,
          codeId: row.id,
        },
      });
      return {
        code,
        expiresAt: row.expires_at.toISOString(),
        name: resident.name,
        accountNumber: resident.account_number,
        login: loginShown(resident),
      };
    });
  }

  /** Consent the resident gave in person, on a signed form, with their document checked: scope enrolment. */
  async recordConsent(user: AuthUser, dto: InPersonConsentDto): Promise<InPersonConsentResponse> {
    await this.limit(user);
    assertFormDate(dto.consentFormDate);
    return this.dataSource.transaction(async (m) => {
      const designationId = await this.assertDesignated(m, user, dto.townshipCode);
      const resident = await this.residentById(m, dto.townshipCode, dto.idNumber);
      const proxy = await this.accountByLogin(m, dto.proxyLogin, 'proxyLogin');
      const id = await this.insertInPersonConsent(m, user, {
        proxyUserId: proxy.id,
        learnerUserId: resident.id,
        relationship: dto.relationship,
        consentFormDate: dto.consentFormDate,
        documentType: dto.documentType,
        townshipCode: dto.townshipCode,
        designationId,
      });
      return {
        id,
        learnerUserId: resident.id,
        learnerName: resident.name,
        proxyName: proxy.name,
        relationship: dto.relationship,
        consentFormDate: dto.consentFormDate,
        documentType: dto.documentType,
      };
    });
  }

  private async insertInPersonConsent(
    m: EntityManager,
    staff: AuthUser,
    c: {
      proxyUserId: string;
      learnerUserId: string;
      relationship: ProxyKind;
      consentFormDate: string;
      documentType: IdDocumentType;
      townshipCode: string;
      designationId: string;
    },
  ): Promise<string> {
    if (c.proxyUserId === c.learnerUserId)
      throw DomainException.field(
        ErrorCode.ValidationFailed,
        'proxyLogin',
        'A resident cannot be their own proxy.',
      );
    // No mobile on the relationship: the proxy acts for the account (learnerUserId), whatever number it has.
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO proxy_relationships (proxy_user_id, learner_user_id, learner_mobile, relationship, confirmed_via,
                                        consent_form_date, recorded_by_user_id, consent_document_type)
       VALUES ($1, $2, NULL, $3, 'in_person', $4, $5, $6)
       ON CONFLICT (proxy_user_id, learner_user_id) WHERE revoked_at IS NULL AND confirmed_via = 'in_person'
       DO UPDATE SET relationship = EXCLUDED.relationship, consent_form_date = EXCLUDED.consent_form_date,
                     recorded_by_user_id = EXCLUDED.recorded_by_user_id,
                     consent_document_type = EXCLUDED.consent_document_type
       RETURNING id`,
      [c.proxyUserId, c.learnerUserId, c.relationship, c.consentFormDate, staff.id, c.documentType],
    );
    await this.audit.record(m, {
      action: 'proxy.relationship_confirmed',
      entityType: 'proxy_relationship',
      entityId: row.id,
      actorUserId: staff.id,
      onBehalfOfUserId: c.learnerUserId,
      details: {
        via: 'in_person',
        relationship: c.relationship,
        scope: 'enrolment',
        proxyUserId: c.proxyUserId,
        consentFormDate: c.consentFormDate,
        documentType: c.documentType,
        townshipCode: c.townshipCode,
        designationId: c.designationId,
      },
    });
    return row.id;
  }

  /**
   * A resident without a phone of their own (or with a mobile given for them, unproven): a managed account with a
   * 9-digit account number, no usable password until an in-person reset, and optionally a proxy by signed consent.
   * Birth date and sex come from the ID number.
   */
  async registerManaged(user: AuthUser, dto: ManagedAccountDto): Promise<ManagedAccountResponse> {
    await this.limit(user);
    const parsed = parseIdNumber(dto.idNumber);
    if ('problem' in parsed) throw invalidIdNumber();
    const age = ageOn(parsed.birthDate, todayInCounty());
    if (age < 16 || age > 120)
      throw DomainException.field(ErrorCode.BirthDateInvalid, 'idNumber', 'Learners register from age 16.');
    if (dto.proxy) assertFormDate(dto.proxy.consentFormDate);
    return this.dataSource.transaction(async (m) => {
      const designationId = await this.assertDesignated(m, user, dto.townshipCode);
      await this.geo.assertPlace(m, dto.townshipCode, dto.villageCode);
      const protectedId = this.pii.protectIdNumber(parsed.value);
      const taken: unknown[] = await m.query(
        `SELECT 1 FROM learner_profiles WHERE id_number_hash = ANY($1::bpchar[])`,
        [this.pii.allIdNumberHashes(parsed.value)],
      );
      if (taken.length)
        throw DomainException.field(
          ErrorCode.IdNumberTaken,
          'idNumber',
          'This ID number already has an account.',
        );
      if (dto.mobile) {
        const held: unknown[] = await m.query(`SELECT 1 FROM users WHERE mobile = $1`, [dto.mobile]);
        if (held.length)
          throw DomainException.field(
            ErrorCode.AccountExists,
            'mobile',
            'An account already has this mobile.',
          );
      }
      const accountNumber = await this.freeAccountNumber(m);
      const proxy = dto.proxy ? await this.accountByLogin(m, dto.proxy.login, 'proxyLogin') : null;
      let userId: string;
      try {
        const created = await m.save(
          m.create(User, {
            name: dto.name,
            mobile: dto.mobile ?? null,
            email: null,
            accountNumber,
            managed: true,
            passwordHash: `!managed:${randomUUID()}`,
          }),
        );
        userId = created.id;
        await m.insert(RoleAssignment, { userId, role: Role.Learner });
        await m.insert(LearnerProfile, {
          userId,
          birthDate: parsed.birthDate,
          sex: parsed.sex as Sex,
          townshipCode: dto.townshipCode,
          villageCode: dto.villageCode,
          attainment: dto.attainment,
          employmentStatus: dto.employmentStatus,
          idNumberEnc: protectedId.enc,
          idNumberHash: protectedId.hash,
          idNumberHashVersion: protectedId.hashVersion,
          idNumberMasked: protectedId.masked,
        });
      } catch (error) {
        throw uniqueToCoded(error);
      }
      await this.audit.record(m, {
        action: 'account.registered_managed',
        entityType: 'user',
        entityId: userId,
        actorUserId: user.id,
        onBehalfOfUserId: userId,
        details: {
          townshipCode: dto.townshipCode,
          documentType: dto.documentType,
          withMobile: !!dto.mobile,
          designationId,
        },
      });
      const relationshipId =
        proxy && dto.proxy
          ? await this.insertInPersonConsent(m, user, {
              proxyUserId: proxy.id,
              learnerUserId: userId,
              relationship: dto.proxy.relationship,
              consentFormDate: dto.proxy.consentFormDate,
              documentType: dto.documentType,
              townshipCode: dto.townshipCode,
              designationId,
            })
          : null;
      return {
        userId,
        accountNumber,
        name: dto.name,
        mobileMasked: dto.mobile ? maskMobile(dto.mobile) : null,
        relationshipId,
      };
    });
  }

  private async freeAccountNumber(m: EntityManager): Promise<string> {
    for (;;) {
      const candidate = String(randomInt(200_000_000, 1_000_000_000));
      const used: unknown[] = await m.query(`SELECT 1 FROM users WHERE account_number = $1`, [candidate]);
      if (!used.length) return candidate;
    }
  }
}

function loginShown(r: Resident): string {
  if (r.account_number) return r.account_number;
  if (r.mobile) return maskMobile(r.mobile);
  return r.email ? maskEmail(r.email) : '';
}

function invalidIdNumber(): DomainException {
  const message = 'idNumber is not a valid resident ID number';
  return new DomainException(ErrorCode.ValidationFailed, message, [
    { field: 'idNumber', code: 'isResidentIdNumber', message },
  ]);
}

/** The form was signed today or in the last year, never in the future. */
function assertFormDate(formDate: string): void {
  const today = todayInCounty();
  const [y, mo, d] = today.split('-').map(Number);
  const yearAgo = `${y - 1}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (formDate > today || formDate < yearAgo) {
    throw DomainException.field(
      ErrorCode.ValidationFailed,
      'consentFormDate',
      'The consent form’s date must be today or within the last year.',
    );
  }
}

function uniqueToCoded(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driverError = error.driverError as { code?: string; detail?: string };
  if (driverError.code !== '23505') return error;
  if ((driverError.detail ?? '').includes('id_number_hash'))
    return DomainException.field(
      ErrorCode.IdNumberTaken,
      'idNumber',
      'This ID number already has an account.',
    );
  return DomainException.field(ErrorCode.AccountExists, 'mobile', 'An account already has this mobile.');
}
