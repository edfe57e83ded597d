import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, maskName } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Ed25519Signer, type PublicJwk } from './jws.js';
import {
  type BadgeFacts,
  buildOpenBadge,
  envelope,
  type IssuerFacts,
  issuerProfile,
  statusListCredential,
  VC_JWT_HEADER,
  VP_JWT_HEADER,
} from './open-badge.js';
import { encodeStatusList, STATUS_LIST_SIZE } from './status-list.js';

interface BadgeRow {
  id: string;
  number: string;
  verification_code: string;
  issued_at: Date;
  learner_user_id: string;
  holder_name: string;
  holder_salt: string;
  status_index: number;
  credential_jws: string | null;
  course_id: string | null;
  programme_id: string | null;
  title: string;
  category: string;
  provider_id: string;
  provider_name: string;
  hours: string;
  credits: string;
  completed_on: string;
  occupation_code: string | null;
  occupation_name: string | null;
}

const BADGE_SQL = `
  SELECT k.id, k.number, k.verification_code, k.issued_at, k.learner_user_id, k.holder_name, k.holder_salt,
         k.status_index, k.credential_jws, r.course_id, a.programme_id, r.course_title AS title, r.category,
         r.provider_id, r.provider_name, r.hours, r.credits, to_char(r.completed_on, 'YYYY-MM-DD') AS completed_on,
         COALESCE(a.occupation_code, pg.occupation_code) AS occupation_code,
         COALESCE(a.occupation_name, pg.title) AS occupation_name
    FROM certificates k
    JOIN learning_records r ON r.id = k.record_id
    LEFT JOIN courses c ON c.id = r.course_id
    LEFT JOIN programmes pg ON pg.id = c.programme_id
    LEFT JOIN apprenticeship_agreements a ON a.id = r.agreement_id`;

/**
 * Issues certificates as signed Open Badges 3.0 credentials (VC Data Model 2.0, secured as VC-JOSE-COSE compact
 * JWS with EdDSA/Ed25519), publishes the issuer's keys and the signed revocation status list.
 */
@Injectable()
export class OpenBadgesService {
  readonly signer: Ed25519Signer;
  readonly issuer: IssuerFacts;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.signer = new Ed25519Signer(config.credentialSigningKey);
    this.issuer = { origin: config.publicOrigin, name: config.credentialIssuerName };
  }

  /**
   * Signs the certificate's credential in the caller's transaction (at issuance), or returns the one already signed.
   * The current public key is recorded on its first use, so it stays published after the key is rotated.
   */
  async sign(m: EntityManager, certificateId: string): Promise<string> {
    const [row]: BadgeRow[] = await m.query(`${BADGE_SQL} WHERE k.id = $1 FOR UPDATE OF k`, [certificateId]);
    if (!row) throw new DomainException(ErrorCode.NotFound, 'No such certificate.');
    if (row.credential_jws) return row.credential_jws;
    const jws = this.signer.sign(buildOpenBadge(this.issuer, this.facts(row)), VC_JWT_HEADER);
    await m.query(
      `INSERT INTO credential_signing_keys (kid, public_jwk) VALUES ($1, $2::jsonb) ON CONFLICT (kid) DO NOTHING`,
      [this.signer.kid, JSON.stringify(this.signer.publicJwk)],
    );
    await m.query(`UPDATE certificates SET credential_jws = $2, signing_key_id = $3 WHERE id = $1`, [
      certificateId,
      jws,
      this.signer.kid,
    ]);
    return jws;
  }

  /** The learner's own credential as a wallet file; certificates issued before signing existed are signed now. */
  async credentialFile(user: AuthUser, certificateId: string) {
    return envelope(await this.ownCredential(user, certificateId));
  }

  async ownCredential(user: AuthUser, certificateId: string): Promise<string> {
    const [own]: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM certificates WHERE id = $1 AND learner_user_id = $2`,
      [certificateId, user.id],
    );
    if (!own) throw new DomainException(ErrorCode.NotFound, 'No such certificate.');
    return this.dataSource.transaction((m) => this.sign(m, certificateId));
  }

  /**
   * The whole record as one presentation of every certificate's credential (revoked ones too: a verifier sees them
   * marked through the status list). The holder has no key of their own, so the platform signs the presentation.
   */
  async presentationFile(user: AuthUser) {
    const ids: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM certificates WHERE learner_user_id = $1 ORDER BY issued_at, id`,
      [user.id],
    );
    const credentials = await this.dataSource.transaction(async (m) => {
      const signed: string[] = [];
      for (const { id } of ids) signed.push(await this.sign(m, id));
      return signed;
    });
    const presentation = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `urn:uuid:${randomUUID()}`,
      type: ['VerifiablePresentation'],
      verifiableCredential: credentials.map((jws) => envelope(jws)),
    };
    return envelope(this.signer.sign(presentation, VP_JWT_HEADER), 'vp');
  }

  /** Every key the platform signs or has signed with; the current one first. */
  async jwks(): Promise<{ keys: PublicJwk[] }> {
    const rows: Array<{ public_jwk: PublicJwk }> = await this.dataSource.query(
      `SELECT public_jwk FROM credential_signing_keys WHERE kid <> $1 ORDER BY first_used_at DESC, kid`,
      [this.signer.kid],
    );
    return { keys: [this.signer.publicJwk, ...rows.map((r) => ({ ...r.public_jwk }))] };
  }

  async publicKey(kid: string): Promise<PublicJwk | null> {
    if (kid === this.signer.kid) return this.signer.publicJwk;
    const [row]: Array<{ public_jwk: PublicJwk }> = await this.dataSource.query(
      `SELECT public_jwk FROM credential_signing_keys WHERE kid = $1`,
      [kid],
    );
    return row?.public_jwk ?? null;
  }

  issuerProfile() {
    return issuerProfile(this.issuer);
  }

  /** The signed Bitstring Status List credential `list` (1-based), made from the revocations as they are now. */
  async statusList(list: number): Promise<string> {
    const from = (list - 1) * STATUS_LIST_SIZE;
    const [{ max }]: Array<{ max: number | null }> = await this.dataSource.query(
      `SELECT max(status_index) AS max FROM certificates`,
    );
    if (list > 1 && (max === null || max < from)) {
      throw new DomainException(ErrorCode.NotFound, 'No such status list.');
    }
    const revoked: Array<{ status_index: number }> = await this.dataSource.query(
      `SELECT status_index FROM certificates
        WHERE revoked_at IS NOT NULL AND status_index >= $1 AND status_index < $2`,
      [from, from + STATUS_LIST_SIZE],
    );
    const encoded = encodeStatusList(revoked.map((r) => r.status_index - from));
    return this.signer.sign(statusListCredential(this.issuer, list, encoded, new Date()), VC_JWT_HEADER);
  }

  private facts(row: BadgeRow): BadgeFacts {
    return {
      certificateId: row.id,
      number: row.number,
      verificationCode: row.verification_code,
      issuedAt: new Date(row.issued_at),
      kind: row.course_id ? 'course' : 'apprenticeship',
      // An apprenticeship always has its programme; the certificate's own id only keeps the type honest.
      achievementId: row.course_id ?? row.programme_id ?? row.id,
      title: row.title,
      category: row.category,
      providerId: row.provider_id,
      providerName: row.provider_name,
      hours: Number(row.hours),
      credits: Number(row.credits),
      completedOn: row.completed_on,
      occupationCode: row.occupation_code,
      occupationName: row.occupation_name,
      holderUserId: row.learner_user_id,
      holderSalt: row.holder_salt,
      holderMasked: maskName(row.holder_name),
      statusIndex: row.status_index,
    };
  }
}
