import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { maskMobile, smsText } from '../auth/sms-text.js';
import { RateLimitService } from '../auth/rate-limit.service.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { CodePurpose } from '../verification/verification.entities.js';
import { type Challenge, VerificationService } from '../verification/verification.service.js';
import type { ConsentConfirmDto, ProxyRelationshipResponse } from './dto/proxy.dto.js';
import type { ProxyKind } from './proxy.entities.js';

export interface ActingFor {
  relationshipId: string;
  learnerUserId: string | null;
  relationship: ProxyKind;
}

interface RelationshipRow {
  id: string;
  proxy_user_id: string;
  learner_user_id: string | null;
  learner_mobile: string | null;
  relationship: ProxyKind;
  scope: 'enrolment';
  confirmed_via: 'sms' | 'in_person';
  created_at: Date;
  revoked_at: Date | null;
  proxy_name: string;
  proxy_mobile: string | null;
  learner_name: string | null;
}

const HOUR = 3600;

/** Acting for a resident only within a relationship the resident confirmed, and only until they revoke it. */
@Injectable()
export class ProxyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verification: VerificationService,
    private readonly rateLimits: RateLimitService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private limitPerProxy(user: AuthUser, what: string): Promise<void> {
    return this.rateLimits.consume({
      key: `proxy:${what}:${user.id}`,
      max:
        what === 'consent'
          ? this.config.rateLimit.proxyConsentsPerHour
          : this.config.rateLimit.proxyActionsPerHour,
      windowSeconds: HOUR,
    });
  }

  /**
   * Texts a consent code to the resident's mobile, whether or not it has an account: the answer and the message
   * are the same either way, so asking tells nothing about the number.
   */
  async requestConsent(user: AuthUser, learnerMobile: string, ip: string): Promise<Challenge> {
    await this.limitPerProxy(user, 'consent');
    const [proxy]: Array<{ name: string; mobile: string | null }> = await this.dataSource.query(
      `SELECT name, mobile FROM users WHERE id = $1`,
      [user.id],
    );
    const [learner]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM users WHERE mobile = $1 AND NOT managed`,
      [learnerMobile],
    );
    const who = proxy.mobile ? `${proxy.name}（手机尾号${proxy.mobile.slice(-4)}）` : proxy.name;
    return this.verification.send({
      purpose: CodePurpose.ProxyConsent,
      mobile: learnerMobile,
      userId: learner?.id ?? null,
      deliver: true,
      ip,
      actorUserId: user.id,
      context: { proxyUserId: user.id },
      text: (code) =>
        smsText(
          this.config,
          `${who}请求代您报名县终身学习平台的课程。如您同意，请把验证码 ${code} 告诉对方（5分钟内有效）；不同意请忽略。同意后可随时在“代办关系”中撤销。`,
        ),
    });
  }

  /** The proxy types in the code the resident read out: the relationship starts. */
  async confirm(user: AuthUser, dto: ConsentConfirmDto): Promise<ProxyRelationshipResponse> {
    const checked = await this.verification.check({
      challengeId: dto.challengeId,
      code: dto.code,
      purpose: CodePurpose.ProxyConsent,
      mobile: dto.learnerMobile,
    });
    if (checked.context?.proxyUserId !== user.id)
      throw new DomainException(ErrorCode.CodeInvalid, 'The code is not right. Ask for a new one.');
    const id = await this.dataSource.transaction(async (m) => {
      await this.verification.consume(m, dto.challengeId);
      const [learner]: Array<{ id: string }> = await m.query(
        `SELECT id FROM users WHERE mobile = $1 AND NOT managed`,
        [dto.learnerMobile],
      );
      if (learner?.id === user.id)
        throw DomainException.field(
          ErrorCode.ValidationFailed,
          'learnerMobile',
          'You cannot act for yourself.',
        );
      const [row]: Array<{ id: string }> = await m.query(
        `INSERT INTO proxy_relationships (proxy_user_id, learner_user_id, learner_mobile, relationship, confirmed_via)
         VALUES ($1, $2, $3, $4, 'sms')
         ON CONFLICT (proxy_user_id, learner_mobile) WHERE revoked_at IS NULL
         DO UPDATE SET relationship = EXCLUDED.relationship,
                       learner_user_id = coalesce(proxy_relationships.learner_user_id, EXCLUDED.learner_user_id)
         RETURNING id`,
        [user.id, learner?.id ?? null, dto.learnerMobile, dto.relationship],
      );
      await this.audit.record(m, {
        action: 'proxy.relationship_confirmed',
        entityType: 'proxy_relationship',
        entityId: row.id,
        actorUserId: user.id,
        onBehalfOfUserId: learner?.id ?? null,
        details: { via: 'sms', relationship: dto.relationship, scope: 'enrolment' },
      });
      return row.id;
    });
    return (await this.list(user)).find((r) => r.id === id) as ProxyRelationshipResponse;
  }

  /** Both sides: those I act for, and those who act for me (with revoked ones, newest first). */
  async list(user: AuthUser): Promise<ProxyRelationshipResponse[]> {
    const rows: RelationshipRow[] = await this.dataSource.query(
      `SELECT r.id, r.proxy_user_id, r.learner_user_id, r.learner_mobile, r.relationship, r.scope, r.confirmed_via,
              r.created_at, r.revoked_at, p.name AS proxy_name, p.mobile AS proxy_mobile, l.name AS learner_name
         FROM proxy_relationships r
         JOIN users p ON p.id = r.proxy_user_id
         LEFT JOIN users l ON l.id = r.learner_user_id
        WHERE r.proxy_user_id = $1 OR r.learner_user_id = $1
        ORDER BY r.created_at DESC`,
      [user.id],
    );
    return rows.map((r) => {
      const side = r.proxy_user_id === user.id ? 'proxy' : 'resident';
      const otherMobile = side === 'proxy' ? r.learner_mobile : r.proxy_mobile;
      return {
        id: r.id,
        side,
        relationship: r.relationship,
        scope: r.scope,
        confirmedVia: r.confirmed_via,
        otherName: side === 'proxy' ? r.learner_name : r.proxy_name,
        otherMobileMasked: otherMobile ? maskMobile(otherMobile) : null,
        learnerMobile: side === 'proxy' ? r.learner_mobile : null,
        learnerUserId: side === 'proxy' ? r.learner_user_id : null,
        createdAt: r.created_at.toISOString(),
        revokedAt: r.revoked_at?.toISOString() ?? null,
      };
    });
  }

  /** Either side ends it at once; a proxy action waiting on it sees it ended. 404 for anyone else's. */
  async revoke(user: AuthUser, id: string): Promise<ProxyRelationshipResponse> {
    await this.dataSource.transaction(async (m) => {
      const rows: Array<{ id: string; learner_user_id: string | null; proxy_user_id: string }> =
        await m.query(
          // clock_timestamp(), not now(): the moment the row is ours, after any enrolment holding it committed, so
          // revoked_at orders the revocation after every enrolment made under the relationship.
          `WITH ended AS (
           UPDATE proxy_relationships SET revoked_at = clock_timestamp(), revoked_by_user_id = $2
            WHERE id = $1 AND revoked_at IS NULL AND (proxy_user_id = $2 OR learner_user_id = $2)
            RETURNING id, learner_user_id, proxy_user_id)
         SELECT * FROM ended`,
          [id, user.id],
        );
      if (!rows.length) {
        const mine: unknown[] = await m.query(
          `SELECT 1 FROM proxy_relationships WHERE id = $1 AND (proxy_user_id = $2 OR learner_user_id = $2)`,
          [id, user.id],
        );
        if (!mine.length) throw new DomainException(ErrorCode.NotFound, 'No such relationship.');
        return; // already revoked: revoking again changes nothing
      }
      await this.audit.record(m, {
        action: 'proxy.relationship_revoked',
        entityType: 'proxy_relationship',
        entityId: id,
        actorUserId: user.id,
        onBehalfOfUserId: rows[0].learner_user_id,
        details: { by: rows[0].proxy_user_id === user.id ? 'proxy' : 'resident' },
      });
    });
    const found = (await this.list(user)).find((r) => r.id === id);
    if (!found) throw new DomainException(ErrorCode.NotFound, 'No such relationship.');
    return found;
  }

  /** Counts one proxy action against the hourly limit; called before the action's transaction opens. */
  limitActions(user: AuthUser): Promise<void> {
    return this.limitPerProxy(user, 'action');
  }

  /**
   * Inside the caller's transaction: the live relationship between this proxy and the resident with this mobile,
   * locked so that a revocation arriving meanwhile waits for the action (and one that came first stops it).
   * The same refusal whether or not anyone has the number.
   */
  async assertActing(m: EntityManager, user: AuthUser, learnerMobile: string): Promise<ActingFor> {
    const rows: Array<{ id: string; learner_user_id: string | null; relationship: ProxyKind }> =
      await m.query(
        `SELECT r.id, coalesce(r.learner_user_id, u.id) AS learner_user_id, r.relationship
         FROM proxy_relationships r
         LEFT JOIN users u ON u.mobile = r.learner_mobile AND NOT u.managed
        WHERE r.proxy_user_id = $1 AND r.learner_mobile = $2 AND r.revoked_at IS NULL AND r.scope = 'enrolment'
        FOR UPDATE OF r`,
        [user.id, learnerMobile],
      );
    if (!rows.length) {
      throw DomainException.field(
        ErrorCode.ProxyConsentRequired,
        'learnerMobile',
        'The resident has not confirmed that you may act for them (or has revoked it). Ask them for a consent code.',
      );
    }
    return {
      relationshipId: rows[0].id,
      learnerUserId: rows[0].learner_user_id,
      relationship: rows[0].relationship,
    };
  }

  /**
   * As assertActing, for a resident named by account (consent recorded in person; a managed account may have no
   * mobile). The same refusal for an account that does not exist.
   */
  async assertActingFor(m: EntityManager, user: AuthUser, learnerUserId: string): Promise<ActingFor> {
    const rows: Array<{ id: string; relationship: ProxyKind }> = await m.query(
      `SELECT r.id, r.relationship FROM proxy_relationships r
        WHERE r.proxy_user_id = $1 AND r.learner_user_id = $2 AND r.revoked_at IS NULL AND r.scope = 'enrolment'
        ORDER BY r.created_at LIMIT 1
        FOR UPDATE OF r`,
      [user.id, learnerUserId],
    );
    if (!rows.length) {
      throw DomainException.field(
        ErrorCode.ProxyConsentRequired,
        'learnerUserId',
        'The resident has not confirmed that you may act for them (or has revoked it).',
      );
    }
    return { relationshipId: rows[0].id, learnerUserId, relationship: rows[0].relationship };
  }

  /** After registering the resident on their behalf, the relationship names the new account. */
  async linkLearner(m: EntityManager, relationshipId: string, learnerUserId: string): Promise<void> {
    await m.query(
      `UPDATE proxy_relationships SET learner_user_id = $2 WHERE id = $1 AND learner_user_id IS NULL`,
      [relationshipId, learnerUserId],
    );
  }
}
