import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ageOn, AttainmentSource, ErrorCode, parseIdNumber, Role } from '@cll/domain';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainException } from '../common/domain.exception.js';
import { GeoService } from '../geo/geo.service.js';
import { OutboxService } from '../jobs/outbox.service.js';
import { JobName } from '../jobs/job.constants.js';
import type { RegisterDto } from './dto/register.dto.js';
import type { UpdateProfileDto } from './dto/update-profile.dto.js';
import { LearnerProfile, RoleAssignment, User } from './people.entities.js';
import { PiiService } from './pii.service.js';
import { todayInCounty } from '../common/date-only.js';
import { MeQuery, type MeRow } from './me.query.js';
import { recordChange, recordRegistration } from '../attainment/attainment.repository.js';
import { assertIdNumberConsent, recordConsent } from '../privacy/consents.js';

const MIN_AGE = 16;
const MAX_AGE = 120;

@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly geo: GeoService,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly meQuery: MeQuery,
  ) {}

  /**
   * Creates the account, its learner role and profile, the audit event and the welcome job in one transaction.
   * `passwordHash` is computed by the caller outside the transaction (argon2 is slow on purpose).
   */
  async register(
    dto: RegisterDto,
    passwordHash: string,
    manager: EntityManager,
    options: { mobileProven?: boolean } = {},
  ): Promise<User> {
    if (!dto.mobile && !dto.email) {
      throw new DomainException(ErrorCode.ContactRequired, 'Give a mobile number or an e-mail address.', [
        {
          field: 'mobile',
          code: ErrorCode.ContactRequired,
          message: 'Give a mobile number or an e-mail address.',
        },
      ]);
    }
    assertBirthDate(dto.birthDate);
    assertIdNumberConsent(dto.idNumber, dto.idNumberConsent);
    const idNumber = dto.idNumber ? this.checkIdNumber(dto.idNumber, dto.birthDate, dto.sex) : null;
    await this.geo.assertPlace(manager, dto.townshipCode, dto.villageCode);
    try {
      const released =
        dto.mobile && options.mobileProven ? await this.releaseManagedMobile(manager, dto.mobile) : null;
      const user = await manager.save(
        manager.create(User, {
          name: dto.name,
          mobile: dto.mobile ?? null,
          email: dto.email?.toLowerCase() ?? null,
          passwordHash,
        }),
      );
      if (released) await this.auditClaim(manager, released, user.id);
      await manager.insert(RoleAssignment, { userId: user.id, role: Role.Learner });
      if (idNumber) await this.assertIdNumberFree(manager, idNumber, user.id);
      await manager.insert(LearnerProfile, {
        userId: user.id,
        birthDate: dto.birthDate,
        sex: dto.sex,
        townshipCode: dto.townshipCode,
        villageCode: dto.villageCode,
        attainment: dto.attainment,
        employmentStatus: dto.employmentStatus,
        ...this.idNumberColumns(idNumber),
      });
      await recordRegistration(manager, user.id, dto.attainment, user.id);
      // Registering is agreeing to the notice shown on the form; the ID number has its own consent.
      await recordConsent(manager, user.id, 'privacy_notice');
      if (idNumber) await recordConsent(manager, user.id, 'sensitive_id_number');
      await this.audit.record(manager, {
        action: 'account.registered',
        entityType: 'user',
        entityId: user.id,
        actorUserId: user.id,
        details: { townshipCode: dto.townshipCode, withIdNumber: idNumber !== null },
      });
      await this.outbox.enqueue(manager, JobName.WelcomeNotification, `welcome:${user.id}`, {
        userId: user.id,
      });
      return user;
    } catch (error) {
      throw mapUniqueViolation(error);
    }
  }

  /**
   * Registers a learner on behalf of a proxy (family member or village worker). The account has no usable password
   * until the learner sets one; the audit log names the proxy.
   */
  async registerByProxy(
    manager: EntityManager,
    dto: Omit<RegisterDto, 'password' | 'email' | 'idNumber'> & { mobile: string },
    proxyUserId: string,
  ): Promise<string> {
    assertBirthDate(dto.birthDate);
    await this.geo.assertPlace(manager, dto.townshipCode, dto.villageCode);
    try {
      // The resident's consent code proved the number: a managed account holding it lets it go.
      const released = await this.releaseManagedMobile(manager, dto.mobile);
      const user = await manager.save(
        manager.create(User, {
          name: dto.name,
          mobile: dto.mobile,
          email: null,
          passwordHash: `!proxy-registered:${randomUUID()}`,
        }),
      );
      await manager.insert(RoleAssignment, { userId: user.id, role: Role.Learner });
      await manager.insert(LearnerProfile, {
        userId: user.id,
        birthDate: dto.birthDate,
        sex: dto.sex,
        townshipCode: dto.townshipCode,
        villageCode: dto.villageCode,
        attainment: dto.attainment,
        employmentStatus: dto.employmentStatus,
        ...this.idNumberColumns(null),
      });
      await recordRegistration(manager, user.id, dto.attainment, proxyUserId);
      await this.audit.record(manager, {
        action: 'account.registered_by_proxy',
        entityType: 'user',
        entityId: user.id,
        actorUserId: proxyUserId,
        onBehalfOfUserId: user.id,
        details: { townshipCode: dto.townshipCode },
      });
      if (released) await this.auditClaim(manager, released, user.id, proxyUserId);
      return user.id;
    } catch (error) {
      throw mapUniqueViolation(error);
    }
  }

  /**
   * A mobile given for a managed account was never proven: whoever proves it by SMS code (registering, or a proxy
   * the number's holder gave a consent code to) takes it, and the managed account keeps working without it (its
   * account number, proxies and service point). Locks the managed row; returns its id, or null when none held it.
   */
  async releaseManagedMobile(manager: EntityManager, mobile: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `WITH released AS (
         UPDATE users SET mobile = NULL, updated_at = now() WHERE mobile = $1 AND managed RETURNING id)
       SELECT id FROM released`,
      [mobile],
    );
    return rows[0]?.id ?? null;
  }

  /** The managed account and the account that proved the number, never the number itself. */
  async auditClaim(
    manager: EntityManager,
    managedUserId: string,
    newOwnerUserId: string,
    actorUserId = newOwnerUserId,
  ): Promise<void> {
    await this.audit.record(manager, {
      action: 'account.mobile_claimed',
      entityType: 'user',
      entityId: managedUserId,
      actorUserId,
      details: { from: 'managed_account', toUserId: newOwnerUserId },
    });
  }

  async me(userId: string): Promise<MeRow> {
    const me = await this.meQuery.byId(this.dataSource.manager, userId);
    if (!me) throw new DomainException(ErrorCode.NotFound, 'No such account.');
    return me;
  }

  async updateProfile(userId: string, dto: UpdateProfileDto): Promise<MeRow> {
    await this.dataSource.transaction(async (manager) => {
      const profile = await manager.findOne(LearnerProfile, {
        where: { userId },
        lock: { mode: 'pessimistic_write' },
      });
      const changed: string[] = [];
      if (dto.name !== undefined || dto.locale !== undefined || dto.displayMode !== undefined) {
        await manager.update(
          User,
          { id: userId },
          { name: dto.name, locale: dto.locale, displayMode: dto.displayMode },
        );
        changed.push(...(['name', 'locale', 'displayMode'] as const).filter((f) => dto[f] !== undefined));
      }
      const profileFields = (
        ['townshipCode', 'villageCode', 'attainment', 'employmentStatus', 'idNumber'] as const
      ).filter((f) => dto[f] !== undefined);
      if (profileFields.length) {
        if (!profile)
          throw new DomainException(ErrorCode.Forbidden, 'This account has no learner profile to edit.');
        const townshipCode = dto.townshipCode ?? profile.townshipCode;
        const villageCode = dto.villageCode ?? profile.villageCode;
        await this.geo.assertPlace(manager, townshipCode, villageCode);
        assertIdNumberConsent(dto.idNumber, dto.idNumberConsent);
        const idNumber = dto.idNumber
          ? this.checkIdNumber(dto.idNumber, profile.birthDate, profile.sex)
          : undefined;
        if (idNumber) await recordConsent(manager, userId, 'sensitive_id_number');
        try {
          if (idNumber) await this.assertIdNumberFree(manager, idNumber, userId);
          await manager.update(
            LearnerProfile,
            { userId },
            {
              townshipCode,
              villageCode,
              employmentStatus: dto.employmentStatus,
              ...(idNumber ? this.idNumberColumns(idNumber) : {}),
            },
          );
        } catch (error) {
          throw mapUniqueViolation(error);
        }
        // The level changes only through its history: the learner's own edit is a self-declared correction, dated
        // today; it never rewrites what an earlier period counted and is never counted as upgrading.
        if (dto.attainment !== undefined && dto.attainment !== profile.attainment) {
          await recordChange(manager, {
            userId,
            source: AttainmentSource.SelfDeclared,
            before: profile.attainment,
            after: dto.attainment,
            actorUserId: userId,
          });
        }
        changed.push(...profileFields);
      }
      // Field names only: the audit trail never holds the values of personal fields.
      await this.audit.record(manager, {
        action: 'profile.updated',
        entityType: 'user',
        entityId: userId,
        actorUserId: userId,
        details: { fields: changed },
      });
    });
    return this.me(userId);
  }

  private checkIdNumber(raw: string, birthDate: string, sex: string): string {
    const parsed = parseIdNumber(raw);
    if ('problem' in parsed) {
      const message = 'idNumber is not a valid resident ID number';
      throw new DomainException(ErrorCode.ValidationFailed, message, [
        { field: 'idNumber', code: 'isResidentIdNumber', message },
      ]);
    }
    if (parsed.birthDate !== birthDate || parsed.sex !== sex) {
      throw DomainException.field(
        ErrorCode.IdNumberMismatch,
        'idNumber',
        'The birth date or sex in the ID number differs from the one given.',
      );
    }
    return parsed.value;
  }

  private idNumberColumns(idNumber: string | null) {
    if (!idNumber) {
      return { idNumberEnc: null, idNumberHash: null, idNumberHashVersion: null, idNumberMasked: null };
    }
    const p = this.pii.protectIdNumber(idNumber);
    return {
      idNumberEnc: p.enc,
      idNumberHash: p.hash,
      idNumberHashVersion: p.hashVersion,
      idNumberMasked: p.masked,
    };
  }

  /**
   * An ID number belongs to one account. The unique index on the hash catches two new writes under the same key;
   * during a key rotation an older row may still carry the hash under an older key, so the check looks under every
   * configured hash key. Transaction-level advisory locks on each of those hashes make two concurrent writers of the
   * same number (even processes configured with different, overlapping key sets during a rolling restart) wait
   * for each other, so the second sees the first's row.
   */
  private async assertIdNumberFree(manager: EntityManager, idNumber: string, userId: string): Promise<void> {
    const hashes = this.pii.allIdNumberHashes(idNumber);
    for (const hash of [...hashes].sort()) {
      await manager.query(`SELECT pg_advisory_xact_lock(('x' || substr($1, 1, 16))::bit(64)::bigint)`, [
        hash,
      ]);
    }
    const [taken] = await manager.query<Array<{ user_id: string }>>(
      `SELECT user_id FROM learner_profiles WHERE id_number_hash = ANY($1::bpchar[]) AND user_id <> $2 LIMIT 1`,
      [hashes, userId],
    );
    if (taken) {
      throw DomainException.field(
        ErrorCode.IdNumberTaken,
        'idNumber',
        'This ID number is already registered.',
      );
    }
  }
}

function assertBirthDate(birthDate: string): void {
  const today = todayInCounty();
  const age = ageOn(birthDate, today);
  if (birthDate > today || age < MIN_AGE || age > MAX_AGE) {
    throw DomainException.field(
      ErrorCode.BirthDateInvalid,
      'birthDate',
      `Learners register from age ${MIN_AGE}; check the birth date.`,
    );
  }
}

/** Unique indexes are the final word under concurrency; their violations become the same coded errors. */
function mapUniqueViolation(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driverError = error.driverError as { code?: string; detail?: string };
  if (driverError.code !== '23505') return error;
  const column = /Key \(([a-z_]+)\)/.exec(driverError.detail ?? '')?.[1];
  if (column === 'id_number_hash') {
    return DomainException.field(
      ErrorCode.IdNumberTaken,
      'idNumber',
      'This ID number is already registered.',
    );
  }
  if (column === 'mobile' || column === 'email') {
    return DomainException.field(
      ErrorCode.AccountExists,
      column,
      `An account with this ${column} already exists.`,
    );
  }
  return error;
}
