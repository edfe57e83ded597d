import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../config/config.js';
import { PiiService } from './pii.service.js';

const service = (hashKey = randomBytes(32)) =>
  new PiiService({ piiEncryptionKey: randomBytes(32), piiHashKey: hashKey } as AppConfig);

describe('PiiService', () => {
  const id = '11010519491231002X';

  it('encrypts so that the number cannot be read from the stored bytes, and decrypts it back', () => {
    const pii = service();
    const { enc, masked } = pii.protectIdNumber(id);
    expect(enc.toString('latin1')).not.toContain(id);
    expect(enc.toString('hex')).not.toContain(Buffer.from(id).toString('hex'));
    expect(pii.decrypt(enc)).toBe(id);
    expect(masked).toBe('110***********002X');
  });

  it('gives a different ciphertext each time but the same matching hash', () => {
    const pii = service();
    expect(pii.encrypt(id).equals(pii.encrypt(id))).toBe(false);
    expect(pii.hashIdNumber(id)).toBe(pii.hashIdNumber(id));
    expect(pii.hashIdNumber(id)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('makes the hash depend on the key, so a leaked table cannot be matched by brute force without it', () => {
    expect(service().hashIdNumber(id)).not.toBe(service().hashIdNumber(id));
  });

  it('refuses a tampered ciphertext', () => {
    const pii = service();
    const enc = pii.encrypt(id);
    enc[enc.length - 1] ^= 1;
    expect(() => pii.decrypt(enc)).toThrow();
  });
});
