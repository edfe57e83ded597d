import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { ensureLocalRedis } from './local-redis.js';
import { ensureLocalSecrets } from './local-secrets.js';

/** The checkout's root folder (the launchers live in apps/api/dist/launcher). */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export type Log = (msg: string, fields?: Record<string, unknown>) => void;

export const launcherLog: Log = (msg, fields = {}) =>
  console.log(
    JSON.stringify({ time: new Date().toISOString(), level: 'info', context: 'launcher', msg, ...fields }),
  );

/**
 * What a local start needs besides the app: keys kept in the data folder, an embedded PostgreSQL when DATABASE_URL
 * is unset, and Redis (started when installed and not answering). Fills in `env`, and adds to `stops` how to stop
 * what it started as soon as it started it (so a later failure still stops it).
 */
export async function startLocalServices(
  env: NodeJS.ProcessEnv,
  log: Log,
  startedAt: number,
  stops: Array<() => Promise<void> | void>,
): Promise<void> {
  const dataDir = env.DATA_DIR ?? `${ROOT}.data`;
  ensureLocalSecrets(dataDir, env);
  if (!env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({
      dataDir: env.EMBEDDED_PG_DIR ?? `${dataDir}/postgres`,
      port: env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : undefined,
      log,
    });
    stops.push(() => embedded.stop());
    env.DATABASE_URL = embedded.url;
    log(embedded.created ? 'embedded PostgreSQL created and started' : 'embedded PostgreSQL started', {
      dataDir: embedded.dataDir,
      port: embedded.port,
      seconds: (Date.now() - startedAt) / 1000,
    });
  }
  if (!env.REDIS_URL) {
    const redis = await ensureLocalRedis();
    if (redis.child) stops.push(() => void redis.child?.kill());
    env.REDIS_URL = redis.url;
  }
}
