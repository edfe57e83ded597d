import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { Ed25519Signer } from '../credentials/jws.js';
import { ensureLocalSecrets } from './local-secrets.js';

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('local secrets for npm start', () => {
  it('makes a credential signing key once, keeps it across restarts, and the configuration accepts it', () => {
    const dir = dataDir();
    const first: NodeJS.ProcessEnv = {};
    ensureLocalSecrets(dir, first);
    const config = loadConfig(first);
    expect(config.credentialSigningKey).toHaveLength(32);
    const again: NodeJS.ProcessEnv = {};
    ensureLocalSecrets(dir, again);
    expect(again.CREDENTIAL_SIGNING_KEY).toBe(first.CREDENTIAL_SIGNING_KEY);
    expect(new Ed25519Signer(loadConfig(again).credentialSigningKey).kid).toBe(
      new Ed25519Signer(config.credentialSigningKey).kid,
    );
    expect(statSync(join(dir, 'local-secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('leaves a key given in the environment alone and adds one to an older secrets file', () => {
    const dir = dataDir();
    const given = Buffer.alloc(32, 7).toString('base64');
    const env: NodeJS.ProcessEnv = { CREDENTIAL_SIGNING_KEY: given };
    ensureLocalSecrets(dir, env);
    expect(env.CREDENTIAL_SIGNING_KEY).toBe(given);
    const stored = JSON.parse(readFileSync(join(dir, 'local-secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(stored.CREDENTIAL_SIGNING_KEY).not.toBe(given);
    expect(Object.keys(stored).sort()).toEqual([
      'CREDENTIAL_SIGNING_KEY',
      'JWT_SECRET',
      'PII_ENCRYPTION_KEY',
      'PII_HASH_KEY',
    ]);
  });
});
