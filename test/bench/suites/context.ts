import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type pg from 'pg';
import { freePort, type Stack } from '../../support/stack.js';
import type { GeneratedCounty } from '../generate/county.js';
import { BARE_SERVER, SNAPSHOT } from '../snapshot.js';

export interface BenchContext {
  stack: Stack;
  client: pg.Client;
  county: GeneratedCounty;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
/** Paired rounds per benchmark (at least five) and seconds per load run. */
export const ROUNDS = Math.max(5, env('BENCH_ROUNDS', 5));
export const DURATION = env('BENCH_DURATION', 5);
/** The API's pool (DATABASE_POOL_SIZE default); the bare handler gets the same. */
export const POOL_SIZE = 10;

/** Pins a process to core 0, where the server under test runs (the load generator sits on core 1). */
export function pin(pid: number | undefined): void {
  if (!pid) return;
  try {
    spawn('taskset', ['-cp', '0', String(pid)], { stdio: 'ignore' });
  } catch {
    // unpinned without taskset
  }
}

/** The bare node:http + pg.Pool handler (baseline/bare-server.mjs), pinned like the API. */
export async function startBare(
  databaseUrl: string,
  jwtSecret: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BARE_SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      APP_ROOT: SNAPSHOT,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      POOL_SIZE: String(POOL_SIZE),
      JWT_SECRET: jwtSecret,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  pin(child.pid);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      if (Date.now() > deadline) throw new Error('the bare server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Pins the stack's API process to core 0 for the load benchmarks. */
export function pinApi(stack: Stack): void {
  pin(stack.processes.get('api')?.pid);
}

const b64 = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** An access token as the API issues it (HS256, `sub` + `sid`), for a session row written straight to the table. */
export function signToken(secret: string, userId: string, sessionId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, sid: sessionId, iat: now, exp: now + 7200 })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** Opens a session for each user (as sign-in would) and returns their bearer tokens, in the same order. */
export async function tokensFor(ctx: BenchContext, userIds: string[]): Promise<string[]> {
  const { rows } = await ctx.client.query<{ id: string; user_id: string }>(
    `INSERT INTO auth_sessions (user_id) SELECT unnest($1::uuid[]) RETURNING id, user_id`,
    [userIds],
  );
  const byUser = new Map(rows.map((r) => [r.user_id, r.id]));
  const secret = ctx.stack.env.JWT_SECRET ?? '';
  return userIds.map((u) => signToken(secret, u, byUser.get(u) ?? ''));
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  requests: autocannon.Request[];
  connections?: number;
  duration?: number;
  /** Fixed total rate (req/s) for latency runs; closed loop when absent. */
  rate?: number;
  /**
   * Hand out `requests` round-robin across all connections (autocannon otherwise walks the list from the start on
   * every connection, so 50 connections would write the same learner's row at the same moment).
   */
  roundRobin?: boolean;
}

/** One autocannon run; any error or non-2xx answer fails the benchmark (a fast error page is no result). */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const [first] = options.requests;
  const probe = await fetch(`${options.url}${first.path ?? '/'}`, {
    method: first.method,
    headers: first.headers,
    body: first.body,
  });
  if (!probe.ok) throw new Error(`${options.url}${first.path}: ${probe.status} ${await probe.text()}`);
  let next = 0;
  const count = options.requests.length;
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 50,
    duration: options.duration ?? DURATION,
    requests: options.roundRobin
      ? [{ setupRequest: (r) => ({ ...r, ...options.requests[next++ % count] }) }]
      : options.requests,
    overallRate: options.rate,
  });
  if (result.errors || result.non2xx) {
    throw new Error(
      `${options.url}: ${result.errors} errors, ${result.non2xx} non-2xx of ${result.requests.total} requests`,
    );
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

/** Peak and current resident memory of a process, in MB, from /proc. */
export function memoryOf(pid: number | undefined): { hwm: number; rss: number } {
  const path = `/proc/${pid}/status`;
  if (!pid || !existsSync(path)) return { hwm: NaN, rss: NaN };
  const status = readFileSync(path, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { hwm: Math.round(kb('VmHWM') / 1024), rss: Math.round(kb('VmRSS') / 1024) };
}
