import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import {
  type CredentialCheck,
  MAX_CREDENTIAL_CHARS,
  type VerifyCredentialResponse,
} from './dto/open-badges.dto.js';
import { decodeJws, type DecodedJws, isObject, verifyEd25519 } from './jws.js';
import { issuerUrls } from './open-badge.js';
import { OpenBadgesService } from './open-badges.service.js';
import { STATUS_LIST_SIZE } from './status-list.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const malformed = (message: string) => new DomainException(ErrorCode.CredentialMalformed, message);
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/**
 * Checks an uploaded credential the way any verifier would (issuer, key, signature, expiry, revocation status), and
 * answers each failure with its own code: a file that is not a credential, another issuer's credential, a key we
 * never published, a signature that does not match.
 */
@Injectable()
export class CredentialVerifierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly badges: OpenBadgesService,
  ) {}

  async verifyUpload(input: string, now = new Date()): Promise<VerifyCredentialResponse> {
    if (input.length > MAX_CREDENTIAL_CHARS) {
      throw new DomainException(
        ErrorCode.PayloadTooLarge,
        `A credential file is at most ${MAX_CREDENTIAL_CHARS / 1000} kB; this is not one of ours.`,
      );
    }
    const { kind, jws } = this.unwrap(input.replace(/^\uFEFF/, '').trim());
    if (kind === 'credential') return { kind, credentials: [await this.verifyCredential(jws, now)] };
    const decoded = await this.verifySignature(jws, 'presentation');
    const inner = decoded.payload.verifiableCredential;
    if (!Array.isArray(inner)) throw malformed('The presentation holds no credentials.');
    const credentials: CredentialCheck[] = [];
    for (const item of inner)
      credentials.push(await this.verifyCredential(this.envelopedJws(item, 'vc'), now));
    return { kind, credentials };
  }

  /** The compact JWS inside what was uploaded: the JWS itself, or the JSON file the platform hands out. */
  private unwrap(text: string): { kind: 'credential' | 'presentation'; jws: string } {
    if (!text.startsWith('{')) {
      const decoded = decodeJws(text);
      if (!decoded) throw malformed('This is neither a signed credential nor a credential file.');
      return { kind: decoded.header.typ === 'vp+jwt' ? 'presentation' : 'credential', jws: text };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw malformed('The file is not valid JSON.');
    }
    if (isObject(json) && typeof json.id === 'string' && json.id.startsWith('data:application/vp+jwt,')) {
      return { kind: 'presentation', jws: this.envelopedJws(json, 'vp') };
    }
    if (isObject(json) && 'proof' in json) {
      throw malformed('Credentials with an embedded proof are not issued by this platform.');
    }
    if (isObject(json) && 'credentialSubject' in json) {
      throw malformed('This credential carries no signature: anyone could have written it.');
    }
    return { kind: 'credential', jws: this.envelopedJws(json, 'vc') };
  }

  private envelopedJws(value: unknown, kind: 'vc' | 'vp'): string {
    const prefix = `data:application/${kind}+jwt,`;
    if (typeof value === 'string' && decodeJws(value)) return value;
    if (!isObject(value) || typeof value.id !== 'string' || !value.id.startsWith(prefix)) {
      throw malformed('This is neither a signed credential nor a credential file.');
    }
    return value.id.slice(prefix.length);
  }

  /** Issuer, key and signature; the payload only counts once all three hold. */
  private async verifySignature(jws: string, what: 'credential' | 'presentation'): Promise<DecodedJws> {
    const decoded = decodeJws(jws);
    if (!decoded) throw malformed(`The ${what} is not a compact JWS.`);
    const { header, payload } = decoded;
    const types = Array.isArray(payload.type) ? payload.type : [payload.type];
    const expected = what === 'credential' ? 'VerifiableCredential' : 'VerifiablePresentation';
    if (!types.includes(expected)) throw malformed(`This is not a verifiable ${what}.`);
    if (what === 'credential') {
      const issuer = isObject(payload.issuer) ? payload.issuer.id : payload.issuer;
      if (issuer !== this.badges.issuer.origin + '/credentials/issuer') {
        throw new DomainException(
          ErrorCode.CredentialForeignIssuer,
          'This credential was issued by someone else; only its issuer can vouch for it.',
        );
      }
    }
    if (header.alg !== 'EdDSA' || typeof header.kid !== 'string') {
      throw new DomainException(
        ErrorCode.CredentialUnknownKey,
        'The credential names no key of this platform.',
      );
    }
    const key = await this.badges.publicKey(header.kid);
    if (!key) {
      throw new DomainException(
        ErrorCode.CredentialUnknownKey,
        'The credential was signed with a key this platform never published.',
      );
    }
    if (!verifyEd25519(decoded, key)) {
      throw new DomainException(
        ErrorCode.CredentialBadSignature,
        'The signature does not match: the credential was changed after it was signed, or forged.',
      );
    }
    return decoded;
  }

  private async verifyCredential(jws: string, now: Date): Promise<CredentialCheck> {
    const { header, payload } = await this.verifySignature(jws, 'credential');
    const types = payload.type as unknown[];
    if (!types.includes('OpenBadgeCredential') && !types.includes('AchievementCredential')) {
      throw malformed('This is not an Open Badges credential.');
    }
    const status = payload.credentialStatus;
    if (!isObject(status) || typeof status.statusListCredential !== 'string') {
      throw malformed('The credential has no revocation status.');
    }
    const list = /\/credentials\/status\/(\d+)$/.exec(status.statusListCredential);
    const bit = Number(status.statusListIndex);
    const statusUrl = list ? issuerUrls(this.badges.issuer.origin).statusList(Number(list[1])) : null;
    if (!list || statusUrl !== status.statusListCredential || !Number.isInteger(bit) || bit < 0) {
      throw malformed('The credential’s status entry does not point at this platform’s status list.');
    }
    const statusIndex = (Number(list[1]) - 1) * STATUS_LIST_SIZE + bit;
    const [row]: Array<{ id: string; number: string; verification_code: string; revoked_at: Date | null }> =
      await this.dataSource.query(
        `SELECT id, number, verification_code, revoked_at FROM certificates WHERE status_index = $1`,
        [statusIndex],
      );
    // A signed credential whose status entry names no certificate of ours would be our own signing error.
    if (!row || `urn:uuid:${row.id}` !== payload.id) throw malformed('The credential names no certificate.');
    const subject = isObject(payload.credentialSubject) ? payload.credentialSubject : {};
    const achievement = isObject(subject.achievement) ? subject.achievement : {};
    const identifiers = Array.isArray(subject.identifier) ? subject.identifier.filter(isObject) : [];
    const hours = Array.isArray(subject.result) && isObject(subject.result[0]) ? subject.result[0].value : 0;
    const validUntil = typeof payload.validUntil === 'string' ? payload.validUntil : null;
    const validFrom = Date.parse(String(payload.validFrom));
    if (Number.isNaN(validFrom)) throw malformed('The credential has no issuance date.');
    const expired = validUntil !== null && !(Date.parse(validUntil) > now.getTime());
    return {
      status: row.revoked_at ? 'revoked' : expired ? 'expired' : 'valid',
      credentialId: String(payload.id),
      number: row.number,
      verificationCode: row.verification_code,
      courseTitle: text(payload.name) || text(achievement.name),
      providerName: text(isObject(achievement.creator) ? achievement.creator.name : ''),
      issuedOn: SHANGHAI_DAY.format(validFrom),
      hours: Number(hours) || 0,
      credits: Number(subject.creditsEarned ?? 0),
      holderMasked: text(identifiers.find((i) => i.identityType === 'name')?.identityHash),
      revokedOn: row.revoked_at ? SHANGHAI_DAY.format(row.revoked_at) : null,
      validUntil,
      keyId: String(header.kid),
    };
  }
}
