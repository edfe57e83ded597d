import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { testSecrets } from '../testing/test-app.js';
import { PiiService } from './pii.service.js';

const b64 = (k: Buffer) => k.toString('base64');
const service = (hashKey = randomBytes(32)) =>
  new PiiService(loadConfig({ ...testSecrets(), PII_HASH_KEY: b64(hashKey) }));

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

  it('reads every configured key version and writes with the newest', () => {
    const k1 = randomBytes(32);
    const k2 = randomBytes(32);
    const h1 = randomBytes(32);
    const h2 = randomBytes(32);
    const old = new PiiService(
      loadConfig({ ...testSecrets(), PII_ENCRYPTION_KEY: b64(k1), PII_HASH_KEY: b64(h1) }),
    );
    const both = new PiiService(
      loadConfig({
        ...testSecrets(),
        PII_ENCRYPTION_KEY: b64(k1),
        PII_HASH_KEY: b64(h1),
        PII_ENCRYPTION_KEYS: `2:${b64(k2)}`,
        PII_HASH_KEYS: `2:${b64(h2)}`,
      }),
    );
    const written = old.encrypt(id);
    expect(written[0]).toBe(1);
    expect(both.decrypt(written)).toBe(id);
    const rewritten = both.protectIdNumber(id);
    expect(rewritten.enc[0]).toBe(2);
    expect(rewritten.hashVersion).toBe(2);
    expect(() => old.decrypt(rewritten.enc)).toThrow(/key version 2/);
    // During a rotation a lookup checks the hash under every key, newest first.
    expect(both.allIdNumberHashes(id)).toEqual([both.hashIdNumber(id, 2), old.hashIdNumber(id)]);
  });

  it('refuses a key list that is malformed or contradicts the single key', () => {
    const k = b64(randomBytes(32));
    expect(() => loadConfig({ ...testSecrets(), PII_ENCRYPTION_KEYS: `0:${k}` })).toThrow(/versions 1–255/);
    expect(() => loadConfig({ ...testSecrets(), PII_ENCRYPTION_KEYS: `2:${k},2:${k}` })).toThrow(/twice/);
    expect(() => loadConfig({ ...testSecrets(), PII_HASH_KEYS: '2:c2hvcnQ=' })).toThrow(/32 bytes/);
    expect(() => loadConfig({ ...testSecrets(), PII_ENCRYPTION_KEYS: `1:${k}` })).toThrow(/version 1/);
    expect(
      loadConfig({ ...testSecrets(), PII_ENCRYPTION_KEY: undefined, PII_ENCRYPTION_KEYS: `7:${k}` }).pii
        .encryption.current,
    ).toBe(7);
  });
});
