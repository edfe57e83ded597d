import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort } from '../../apps/api/src/testing/redis-process.js';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { inject } from 'vitest';
import { adminQuery as admin, DEFAULT_SERVER as SERVER } from './global-setup.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Stack {
  /** The first API process; `apiUrls` lists every one. */
  apiUrl: string;
  apiUrls: string[];
  webUrl: string;
  databaseUrl: string;
  /** Output of every process, for assertions and for debugging a failure. */
  output: string[];
  /** The environment every process was started with (for starting more of them, or a replacement). */
  env: NodeJS.ProcessEnv;
  /** Every process by name: `api`, `api2`…, `worker`, `worker2`…, `web`. */
  processes: Map<string, ChildProcess>;
  /** Starts (or restarts, after it was killed) the named API or worker process with the stack's environment. */
  spawn(name: string): Promise<ChildProcess>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export interface StackOptions {
  web?: boolean;
  /** Run the worker as its own process instead of inside the API. */
  separateWorker?: boolean;
  /** How many API processes (default 1) and separate worker processes (default 1 with `separateWorker`, else 0). */
  apis?: number;
  workers?: number;
  /** Extra or overriding environment for every process (for example a private Redis's `REDIS_URL`). */
  env?: NodeJS.ProcessEnv;
  /** An administrative connection to the PostgreSQL server the stack's database is created on. */
  databaseServer?: string;
  /** Where the built apps are (default the checkout); the benchmarks run a private copy of the build. */
  root?: string;
}

export { freePort };

function run(
  cmd: string[],
  env: NodeJS.ProcessEnv,
  output: string[],
  name: string,
  root = ROOT,
): ChildProcess {
  const child = spawn(process.execPath, cmd, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk: Buffer) =>
    output.push(
      ...chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((l) => `[${name}] ${l}`),
    );
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return child;
}

async function waitForHttp(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`process exited (${child.exitCode}):\n${output.slice(-30).join('\n')}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within 60 s:\n${output.slice(-30).join('\n')}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The built API (and web app) as real processes on a fresh database with the demo county loaded. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const server = options.databaseServer ?? SERVER;
  const database = `cll_e2e_${randomBytes(4).toString('hex')}`;
  // The run's template (test/support/global-setup.ts) already holds the migrated demo county; a stack on another
  // server or another build (the benchmarks' private copy) loads its own.
  const template = server === SERVER && !options.root ? inject('e2eTemplateDatabase') : undefined;
  await admin(
    template ? `CREATE DATABASE ${database} TEMPLATE ${template}` : `CREATE DATABASE ${database}`,
    server,
  );
  const url = new URL(server);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const output: string[] = [];
  const workers = options.workers ?? (options.separateWorker ? 1 : 0);
  // The web app's address is printed on certificates (PUBLIC_ORIGIN), so it is chosen before the API starts.
  const webPort = options.web ? await freePort() : 0;
  const webUrl = options.web ? `http://127.0.0.1:${webPort}` : '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `e2e-${database}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PII_HASH_KEY: randomBytes(32).toString('base64'),
    CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64'),
    OUTBOX_POLL_MS: '200',
    WORKER_IN_PROCESS: workers > 0 ? 'false' : 'true',
    RATE_LIMIT_REGISTRATIONS_PER_IP: '1000',
    ...(options.web ? { PUBLIC_ORIGIN: webUrl } : {}),
    ...options.env,
  };
  if (!template) {
    const seed = run(['apps/api/dist/seed/seed-cli.js'], env, output, 'seed', options.root);
    const seedCode = await new Promise<number | null>((resolve) => seed.once('exit', resolve));
    if (seedCode !== 0) throw new Error(`seeding failed:\n${output.join('\n')}`);
  }

  const processes = new Map<string, ChildProcess>();
  const ports = new Map<string, number>();
  async function spawnProcess(name: string): Promise<ChildProcess> {
    const isApi = name.startsWith('api');
    let port = ports.get(name);
    if (isApi && port === undefined) {
      port = await freePort();
      ports.set(name, port);
    }
    const child = run(
      [isApi ? 'apps/api/dist/main.js' : 'apps/api/dist/worker.js'],
      isApi ? { ...env, PORT: String(port) } : env,
      output,
      name,
      options.root,
    );
    processes.set(name, child);
    if (isApi) await waitForHttp(`http://127.0.0.1:${port}/health`, child, output);
    return child;
  }
  const apiUrls: string[] = [];
  for (let i = 1; i <= (options.apis ?? 1); i++) {
    const name = i === 1 ? 'api' : `api${i}`;
    await spawnProcess(name);
    apiUrls.push(`http://127.0.0.1:${ports.get(name)}`);
  }
  for (let i = 1; i <= workers; i++) await spawnProcess(i === 1 ? 'worker' : `worker${i}`);

  if (options.web) {
    const web = run(
      ['apps/web/build/index.js'],
      { ...env, PORT: String(webPort), HOST: '127.0.0.1', ORIGIN: webUrl, API_URL: apiUrls[0] },
      output,
      'web',
      options.root,
    );
    processes.set('web', web);
    await waitForHttp(webUrl, web, output);
  }

  return {
    apiUrl: apiUrls[0],
    apiUrls,
    webUrl,
    databaseUrl,
    output,
    env,
    processes,
    spawn: spawnProcess,
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async stop() {
      for (const child of [...processes.values()].reverse()) await stopChild(child);
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`, server);
    },
  };
}
