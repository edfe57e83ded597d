import { ConfigError } from './config-error.js';

type Env = Record<string, string | undefined>;

/** Keys by version; the newest (highest) version writes, every listed version reads or matches. */
export interface VersionedKeys {
  current: number;
  keys: ReadonlyMap<number, Buffer>;
}

export interface PiiKeyring {
  /** AES-256-GCM keys of ID numbers at rest; the version is the ciphertext's first byte. */
  encryption: VersionedKeys;
  /** HMAC keys of the ID-number matching hash; the version is stored beside the hash. */
  hash: VersionedKeys;
}

/**
 * `PII_ENCRYPTION_KEYS` / `PII_HASH_KEYS`: `version:base64` pairs separated by commas (`2:AAA…,1:BBB…`), versions
 * 1–255. The single-key settings `PII_ENCRYPTION_KEY` / `PII_HASH_KEY` still work and are version 1; with both, the
 * single key is version 1 and the list may not give version 1 another key.
 */
export function piiKeyring(env: Env): PiiKeyring {
  return {
    encryption: versionedKeys(env, 'PII_ENCRYPTION_KEYS', 'PII_ENCRYPTION_KEY'),
    hash: versionedKeys(env, 'PII_HASH_KEYS', 'PII_HASH_KEY'),
  };
}

function versionedKeys(env: Env, listName: string, singleName: string): VersionedKeys {
  const keys = new Map<number, Buffer>();
  const list = env[listName]?.trim();
  if (list) {
    for (const entry of list.split(',')) {
      const match = /^\s*(\d{1,3})\s*:\s*([A-Za-z0-9+/=]+)\s*$/.exec(entry);
      const version = match ? Number(match[1]) : NaN;
      if (!match || version < 1 || version > 255) {
        throw new ConfigError(
          `Invalid configuration: ${listName} must be version:base64 pairs separated by commas, versions 1–255 (got "${entry.trim().slice(0, 8)}…")`,
        );
      }
      if (keys.has(version)) {
        throw new ConfigError(`Invalid configuration: ${listName} lists version ${version} twice`);
      }
      keys.set(version, key32(listName, match[2], `version ${version}`));
    }
  }
  const single = env[singleName];
  if (single) {
    const key = key32(singleName, single, 'the key');
    const listed = keys.get(1);
    if (listed && !listed.equals(key)) {
      throw new ConfigError(
        `Invalid configuration: ${singleName} is key version 1 and ${listName} gives version 1 another key; remove one`,
      );
    }
    keys.set(1, key);
  }
  if (keys.size === 0) {
    throw new ConfigError(
      `Missing configuration: ${singleName} (base64, 32 bytes) or ${listName} (version:base64 pairs). ` +
        '`npm start` generates local keys in .data/local-secrets.json; in production set it from your secret store.',
    );
  }
  return { current: Math.max(...keys.keys()), keys };
}

function key32(name: string, raw: string, what: string): Buffer {
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new ConfigError(
      `Invalid configuration: ${name} must be base64 of exactly 32 bytes (${what} has ${key.length} bytes)`,
    );
  }
  return key;
}
