import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../app.factory.js';
import { PasswordService } from '../auth/password.service.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { seedDemoData } from '../seed/demo-seed.js';
import { EmbeddedPostgresError } from './embedded-postgres.js';
import { RedisUnavailableError } from './local-redis.js';
import { launcherLog as log, ROOT as root, startLocalServices } from './local-services.js';

/**
 * `npm start`: the whole product on one machine — API with the worker in-process, the web app, demo data —
 * with an embedded PostgreSQL when DATABASE_URL is unset and a local Redis when REDIS_URL is unset.
 */
const env = process.env;
const startedAt = Date.now();
const stops: Array<() => Promise<void> | void> = [];

let stopping = false;

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
  process.exit(code);
}

try {
  await startLocalServices(env, log, startedAt, stops);
  env.DEMO_DATA ??= 'true';
  const webPort = Number(env.WEB_PORT ?? 5173);
  // The verification address printed on certificates and the issuer of signed credentials: the web app's origin.
  env.PUBLIC_ORIGIN ??= `http://127.0.0.1:${webPort}`;
  const origin = env.PUBLIC_ORIGIN;
  const config = loadConfig({ ...env, WORKER_IN_PROCESS: 'true' });
  const app = await createHttpApp(config, { worker: true });
  stops.push(() => app.close());
  if (env.DEMO_DATA === 'true' && (await seedDemoData(app.get(DataSource), new PasswordService()))) {
    log('demo data loaded');
  }
  await app.listen(config.port, config.host);
  const apiUrl = `http://127.0.0.1:${config.port}`;

  const webEntry = `${root}apps/web/build/index.js`;
  if (!existsSync(webEntry))
    throw new Error(`The web app is not built (${webEntry}); run: npx nx run web:build`);
  const web: ChildProcess = spawn(process.execPath, [webEntry], {
    env: {
      ...env,
      PORT: String(webPort),
      HOST: env.WEB_HOST ?? '127.0.0.1',
      ORIGIN: origin,
      API_URL: apiUrl,
      // A population baseline file is posted through the web server; the API takes bodies up to 1 MB.
      BODY_SIZE_LIMIT: env.BODY_SIZE_LIMIT ?? '2M',
    },
    stdio: 'inherit',
  });
  stops.push(() => void web.kill('SIGTERM'));
  web.once('exit', (code) => {
    if (stopping) return;
    log('web app exited', { code });
    void shutdown(code ?? 1);
  });
  log('ready', {
    api: apiUrl,
    docs: `${apiUrl}/api/docs`,
    web: origin,
    seconds: (Date.now() - startedAt) / 1000,
  });
  console.log(`\n  Open ${origin} in a browser (demo accounts: see README.md).\n`);
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof RedisUnavailableError ||
    error instanceof EmbeddedPostgresError
  ) {
    console.error(error.message);
    await shutdown(78);
  }
  console.error(error);
  await shutdown(1);
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));
