import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { maskIdNumber } from '@cll/domain';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

const KEY_VERSION = 1;

export interface ProtectedIdNumber {
  enc: Buffer;
  hash: string;
  masked: string;
}

/**
 * Personal identifiers at rest: AES-256-GCM ciphertext for the rare lawful read-back, a keyed HMAC for
 * matching (find a resident by ID number without decrypting anything), and the masked form for screens.
 */
@Injectable()
export class PiiService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  protectIdNumber(normalised: string): ProtectedIdNumber {
    return {
      enc: this.encrypt(normalised),
      hash: this.hashIdNumber(normalised),
      masked: maskIdNumber(normalised),
    };
  }

  hashIdNumber(normalised: string): string {
    return createHmac('sha256', this.config.piiHashKey).update(`id-number:${normalised}`).digest('hex');
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.piiEncryptionKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([KEY_VERSION]), iv, cipher.getAuthTag(), data]);
  }

  decrypt(blob: Buffer): string {
    if (blob[0] !== KEY_VERSION) throw new Error(`Unknown PII key version ${blob[0]}`);
    const decipher = createDecipheriv('aes-256-gcm', this.config.piiEncryptionKey, blob.subarray(1, 13));
    decipher.setAuthTag(blob.subarray(13, 29));
    return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
  }
}
