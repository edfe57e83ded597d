import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO_LOGIN, exitOf, login, until } from '../support/http.js';
import { freePort, startStack, type Stack } from '../support/stack.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const METRICS_TOKEN = randomBytes(24).toString('hex');
let stack: Stack;
let workerMetrics: string;

beforeAll(async () => {
  const port = await freePort();
  workerMetrics = `http://127.0.0.1:${port}/metrics`;
  stack = await startStack({
    workers: 1,
    env: { METRICS_TOKEN, WORKER_METRICS_PORT: String(port), SHUTDOWN_TIMEOUT_MS: '20000' },
  });
  // The stack waits for the APIs' /health only; the worker's listener opens once it has started.
  await until('the worker metrics listener', () =>
    fetch(workerMetrics).then(
      () => true,
      () => undefined,
    ),
  );
});
afterAll(() => stack?.stop());

/** Holds a PostgreSQL lock in an open transaction, so a request or a job that needs it waits in flight. */
async function holdLock(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  client.on('error', () => undefined); // the database is dropped at the end, with this connection perhaps still open
  await client.connect();
  await client.query('BEGIN');
  await client.query(sql, params);
  return {
    release: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

const waitingOnLocks = () =>
  until('a statement waiting on the held lock', async () => {
    const [{ n }] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return n > 0 ? n : undefined;
  });

const register = (mobile: string, requestId: string) =>
  call(stack.apiUrl, 'POST', '/api/auth/register', {
    headers: { 'x-request-id': requestId },
    body: {
      name: '停机测试',
      mobile,
      password: 'Learn2026ok',
      birthDate: '1960-03-01',
      sex: 'male',
      townshipCode: '339901103000',
      villageCode: '339901103202',
      attainment: 'junior_secondary',
      employmentStatus: 'retired',
    },
  });

describe('production start', () => {
  it('refuses to start without secrets, with a message and exit code 78 (no local secrets made)', async () => {
    const env = { PATH: process.env.PATH, DATABASE_URL: stack.databaseUrl, NODE_ENV: 'production' };
    const child = spawn(process.execPath, ['apps/api/dist/launcher/prod.js'], { cwd: ROOT, env });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    expect(await exitOf(child)).toBe(78);
    expect(out).toContain('Missing configuration: JWT_SECRET');
  });
});

describe('metrics behind METRICS_TOKEN, from the API and from the worker', () => {
  it('refuses a scrape without the token or with a wrong one, in the error shape', async () => {
    const none = await call(stack.apiUrl, 'GET', '/metrics');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 'AUTH_REQUIRED', requestId: expect.any(String) });
    const wrong = await call(stack.apiUrl, 'GET', '/metrics', { token: 'x'.repeat(48) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH_TOKEN_INVALID');
    const worker = await call(workerMetrics.replace('/metrics', ''), 'GET', '/metrics');
    expect(worker.status).toBe(401);
  });

  it('serves HTTP latency and queue depth from the API, job durations from the worker', async () => {
    const reg = await register('13912345601', 'metrics-req-0001');
    expect(reg.status).toBe(201);
    const workerText = await until('the welcome job in the worker metrics', async () => {
      const res = await fetch(workerMetrics, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      const text = await res.text();
      return /job_duration_seconds_count\{queue="notifications",job="welcome-notification",outcome="done"\} 1/.test(
        text,
      )
        ? text
        : undefined;
    });
    expect(workerText).toContain('# TYPE job_failures_total counter');
    const api = await call(stack.apiUrl, 'GET', '/metrics', { token: METRICS_TOKEN });
    expect(api.status).toBe(200);
    expect(api.body).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/api\/auth\/register",status="201"\} 1/,
    );
    for (const state of ['waiting', 'active', 'delayed', 'failed']) {
      expect(api.body).toMatch(new RegExp(`job_queue_jobs\\{queue="notifications",state="${state}"\\} \\d+`));
    }
    // The job's log lines in the worker carry the id of the request that caused it (logs are written in batches,
    // up to 50 ms after the metric moved).
    const done = await until('the job’s log line', () =>
      Promise.resolve(
        stack.output.find((l) => l.startsWith('[worker]') && l.includes('"job":"welcome-notification"')),
      ),
    );
    expect(JSON.parse(done.slice('[worker] '.length))).toMatchObject({
      msg: 'job done',
      requestId: 'metrics-req-0001',
    });
  });
});

describe('graceful shutdown on SIGTERM', () => {
  it('lets the worker finish the job it is running, exit 0, and nobody runs that job again', async () => {
    // The welcome job inserts into notifications (registration itself does not): hold the table from before the
    // registration, so the job cannot finish before the worker is told to stop.
    const lock = await holdLock('LOCK TABLE notifications IN EXCLUSIVE MODE');
    const reg = await register('13912345602', 'shutdown-req-0002');
    expect(reg.status).toBe(201);
    const userId: string = reg.body.user.id;
    await waitingOnLocks();
    const worker = stack.processes.get('worker')!;
    const exited = exitOf(worker);
    worker.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    expect(worker.exitCode).toBeNull(); // still finishing its job
    await lock.release();
    expect(await exited).toBe(0);
    const rows = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'welcome'`,
      [userId],
    );
    expect(rows[0].n).toBe(1);
    const doneLines = () =>
      stack.output.filter(
        (l) => l.includes('"job":"welcome-notification"') && l.includes('shutdown-req-0002'),
      );
    expect(doneLines()).toHaveLength(1);
    expect(stack.output.some((l) => l.startsWith('[worker]') && l.includes('"msg":"shut down"'))).toBe(true);
    // A new worker finds nothing left to redo: the job was completed, not abandoned.
    await stack.spawn('worker');
    await until('the new worker', () =>
      Promise.resolve(
        stack.output.filter((l) => l.includes('"msg":"worker started"')).length >= 2 ? true : undefined,
      ),
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(doneLines()).toHaveLength(1);
  });

  it('lets the API finish a request in flight (200), refuse new connections, and exit 0', async () => {
    const learner = await login(stack.apiUrl, DEMO_LOGIN.learner);
    const lock = await holdLock('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [learner.id]);
    const slow = call(stack.apiUrl, 'PATCH', '/api/me', { token: learner.token, body: { locale: 'en' } });
    await waitingOnLocks();
    const api = stack.processes.get('api')!;
    const exited = exitOf(api);
    api.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await expect(fetch(`${stack.apiUrl}/health`)).rejects.toThrow();
    expect(api.exitCode).toBeNull();
    await lock.release();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(res.body.locale).toBe('en');
    expect(await exited).toBe(0);
    const [row] = await stack.query<{ locale: string }>(`SELECT locale FROM users WHERE id = $1`, [
      learner.id,
    ]);
    expect(row.locale).toBe('en');
  });
});
