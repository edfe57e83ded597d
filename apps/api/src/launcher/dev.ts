import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { DataSource } from 'typeorm';
import { PasswordService } from '../auth/password.service.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { runMigrations } from '../database/migrate.js';
import { seedDemoData } from '../seed/demo-seed.js';
import { EmbeddedPostgresError } from './embedded-postgres.js';
import { RedisUnavailableError } from './local-redis.js';
import { launcherLog as log, ROOT, startLocalServices } from './local-services.js';

/**
 * `npm run dev`: the contributor loop on the same embedded database and demo data as `npm start` — the API compiled
 * by `tsc --watch` and restarted by `node --watch` on every change (worker in-process), and the SvelteKit dev server
 * with hot reload. Ctrl-C stops everything, the database last.
 */
const env = process.env;
const startedAt = Date.now();
const stops: Array<() => Promise<void> | void> = [];
const children: ChildProcess[] = [];
let stopping = false;

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) =>
      c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve(undefined),
    ),
  );
  for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
  process.exit(code);
}

function run(
  name: string,
  command: string,
  args: string[],
  cwd: string,
  extra: NodeJS.ProcessEnv = {},
): void {
  const child = spawn(command, args, { cwd, env: { ...env, ...extra }, stdio: 'inherit' });
  children.push(child);
  child.once('exit', (code) => {
    if (stopping) return;
    log(`${name} exited`, { code });
    void shutdown(code ?? 1);
  });
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  await startLocalServices(env, log, startedAt, stops);
  const config = loadConfig({ ...env, WORKER_IN_PROCESS: 'true' });
  await runMigrations(config.databaseUrl ?? '');
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl ?? '', 2)).initialize();
  if ((env.DEMO_DATA ?? 'true') === 'true' && (await seedDemoData(dataSource, new PasswordService())))
    log('demo data loaded');
  await dataSource.destroy();

  const apiUrl = `http://127.0.0.1:${config.port}`;
  const webPort = env.WEB_PORT ?? '5173';
  const bin = (name: string) => `${ROOT}node_modules/.bin/${name}`;
  run(
    'tsc --watch',
    bin('tsc'),
    ['-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'],
    `${ROOT}apps/api`,
  );
  run('api', process.execPath, ['--watch', 'dist/main.js'], `${ROOT}apps/api`, {
    WORKER_IN_PROCESS: 'true',
    NODE_ENV: env.NODE_ENV ?? 'development',
  });
  run(
    'web (vite dev)',
    bin('vite'),
    ['dev', '--port', webPort, '--strictPort', '--host', '127.0.0.1'],
    `${ROOT}apps/web`,
    {
      API_URL: apiUrl,
      ORIGIN: `http://127.0.0.1:${webPort}`,
    },
  );
  log('dev ready', {
    api: apiUrl,
    web: `http://127.0.0.1:${webPort}`,
    seconds: (Date.now() - startedAt) / 1000,
  });
  console.log(
    `\n  Open http://127.0.0.1:${webPort} — edits under apps/web reload at once; under apps/api the API restarts.\n`,
  );
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
