import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NAMES = ['JWT_SECRET', 'PII_ENCRYPTION_KEY', 'PII_HASH_KEY', 'CREDENTIAL_SIGNING_KEY'] as const;

/**
 * For a local start only: keys made once on this machine and kept in DATA_DIR/local-secrets.json (mode 0600),
 * so encrypted data stays readable across restarts. Values already in the environment win. CREDENTIAL_SIGNING_KEY is
 * an Ed25519 seed: any 32 random bytes are a valid private key.
 */
export function ensureLocalSecrets(dataDir: string, env: NodeJS.ProcessEnv): void {
  if (NAMES.every((n) => env[n])) return;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'local-secrets.json');
  let stored: Record<string, string> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  let changed = false;
  for (const name of NAMES) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString(name === 'JWT_SECRET' ? 'hex' : 'base64');
      changed = true;
    }
    env[name] ??= stored[name];
  }
  if (changed) writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
}
