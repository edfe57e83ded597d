import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { ErrorCode, maskIdNumber } from '@cll/domain';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DomainException } from '../common/domain.exception.js';

export interface ProtectedIdNumber {
  enc: Buffer;
  hash: string;
  /** Version of the hash key that made `hash` (the encryption key's version is the first byte of `enc`). */
  hashVersion: number;
  masked: string;
}

/**
 * Personal identifiers at rest: AES-256-GCM ciphertext for the rare lawful read-back, a keyed HMAC for
 * matching (find a resident by ID number without decrypting anything), and the masked form for screens.
 *
 * Keys are versioned so they can be rotated without an outage: new values are written with the newest key, values
 * under any configured older key still decrypt and match, and the rotation job re-writes them in the background.
 */
@Injectable()
export class PiiService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get encryptionVersion(): number {
    return this.config.pii.encryption.current;
  }

  get hashVersion(): number {
    return this.config.pii.hash.current;
  }

  /** Every configured encryption key version, newest first. */
  get encryptionVersions(): number[] {
    return [...this.config.pii.encryption.keys.keys()].sort((a, b) => b - a);
  }

  /** Every configured hash key version, newest first. */
  get hashVersions(): number[] {
    return [...this.config.pii.hash.keys.keys()].sort((a, b) => b - a);
  }

  protectIdNumber(normalised: string): ProtectedIdNumber {
    return {
      enc: this.encrypt(normalised),
      hash: this.hashIdNumber(normalised),
      hashVersion: this.hashVersion,
      masked: maskIdNumber(normalised),
    };
  }

  /** The matching hash under the newest key, or under `version`. */
  hashIdNumber(normalised: string, version = this.hashVersion): string {
    const key = this.config.pii.hash.keys.get(version);
    if (!key) throw new Error(`Unknown PII hash key version ${version}`);
    return createHmac('sha256', key).update(`id-number:${normalised}`).digest('hex');
  }

  /** The matching hashes under every configured key: a lookup during a rotation must try them all. */
  allIdNumberHashes(normalised: string): string[] {
    return this.hashVersions.map((v) => this.hashIdNumber(normalised, v));
  }

  encrypt(plain: string): Buffer {
    const version = this.encryptionVersion;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey(version), iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([version]), iv, cipher.getAuthTag(), data]);
  }

  decrypt(blob: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey(blob[0]), blob.subarray(1, 13));
    decipher.setAuthTag(blob.subarray(13, 29));
    return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
  }

  private encryptionKey(version: number): Buffer {
    const key = this.config.pii.encryption.keys.get(version);
    if (!key) {
      throw new DomainException(
        ErrorCode.PiiKeyUnknown,
        `Personal data was encrypted with key version ${version}, which is not configured.`,
      );
    }
    return key;
  }
}
