import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO_LOGIN, exitOf, login, type JsonResponse } from '../support/http.js';
import { freePort } from '../support/stack.js';

/**
 * The default path, as a newcomer meets it: the launcher that `npm start` runs, on a fresh data folder, with the
 * embedded PostgreSQL (no DATABASE_URL), loaded the moment it says it is ready. Every answer must be the right one
 * for its caller, with no 5xx and nothing waiting longer than 10 s.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REGISTRATIONS = 50;
const READERS = 20;
const READS_EACH = 10;
const ENROLLERS = 200;
const SEATS = 10;

interface Launcher {
  child: ChildProcess;
  output: string[];
  secondsToReady: number;
}

let dataDir: string;
let apiPort: number;
let webPort: number;
let launcher: Launcher | undefined;
const figures: Record<string, unknown> = {};

/** Starts `node apps/api/dist/launcher/start.js` as `npm start` does (after its build step). */
async function startLauncher(): Promise<Launcher> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'DEMO_DATA', 'NODE_ENV', 'EMBEDDED_PG_PORT', 'EMBEDDED_PG_DIR'])
    delete env[name];
  Object.assign(env, {
    DATA_DIR: dataDir,
    PORT: String(apiPort),
    WEB_PORT: String(webPort),
    // Only so that this run's jobs stay apart from another start on the same Redis.
    QUEUE_PREFIX: `default-start-${apiPort}`,
  });
  const started = Date.now();
  const child = spawn(process.execPath, ['apps/api/dist/launcher/start.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const deadline = Date.now() + 120_000;
  while (!output.some((l) => l.includes('"msg":"ready"'))) {
    if (child.exitCode !== null) throw new Error(`launcher exited ${child.exitCode}:\n${output.join('\n')}`);
    if (Date.now() > deadline)
      throw new Error(`launcher not ready in 120 s:\n${output.slice(-40).join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output, secondsToReady: (Date.now() - started) / 1000 };
}

async function stopLauncher(l: Launcher | undefined): Promise<number | null> {
  if (!l || l.child.exitCode !== null) return l?.child.exitCode ?? null;
  l.child.kill('SIGTERM');
  return exitOf(l.child);
}

const api = (path: string, options: Parameters<typeof call>[3] = {}) =>
  call(`http://127.0.0.1:${apiPort}`, 'GET', path, options);
const send = (method: string, path: string, options: Parameters<typeof call>[3] = {}) =>
  call(`http://127.0.0.1:${apiPort}`, method, path, options);

/** Each resident comes from an address of their own (the API trusts X-Forwarded-For from loopback, as behind the web app). */
const from = (i: number) => ({ 'x-forwarded-for': `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}` });

interface Timed extends JsonResponse {
  ms: number;
}
async function timed(request: Promise<JsonResponse>): Promise<Timed> {
  const started = Date.now();
  const res = await request;
  return { ...res, ms: Date.now() - started };
}

function registration(i: number) {
  return {
    name: `新学员${String(i).padStart(3, '0')}`,
    mobile: `1375500${String(i).padStart(4, '0')}`,
    password: `Qingxi-learn-${i}x`,
    birthDate: `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
    sex: i % 2 ? 'female' : 'male',
    townshipCode: '339901103000',
    villageCode: '339901103202',
    attainment: 'junior_secondary',
    employmentStatus: 'employed',
  };
}

function byStatus(results: Timed[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

/** The embedded server's address, read the way an operator would: port from the log, password from beside the data. */
function embeddedDatabaseUrl(output: string[]): string {
  const line = output.find((l) => /"msg":"embedded PostgreSQL (created and )?started"/.test(l));
  if (!line) throw new Error('no embedded PostgreSQL line in the launcher output');
  const { port, dataDir: pgDir } = JSON.parse(line) as { port: number; dataDir: string };
  const password = readFileSync(`${pgDir}.password`, 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

beforeAll(async () => {
  // The server runs as the `postgres` user when the tests run as root: it must be able to reach the folder.
  const parent = mkdtempSync(join(tmpdir(), 'cll-default-start-'));
  chmodSync(parent, 0o755);
  dataDir = join(parent, 'data');
  mkdirSync(dataDir);
  apiPort = await freePort();
  webPort = await freePort();
  launcher = await startLauncher();
  figures.firstStartSeconds = launcher.secondsToReady;
}, 180_000);

afterAll(async () => {
  await stopLauncher(launcher);
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
  mkdirSync(join(ROOT, 'test/artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'test/artifacts/default-start.json'), JSON.stringify(figures, null, 2));
  console.log(`default start figures: ${JSON.stringify(figures)}`);
});

describe('npm start on a fresh data folder, loaded at once', () => {
  const tokens: Array<{ id: string; token: string; mobile: string; name: string }> = [];

  it('runs a real PostgreSQL server, not an emulation', async () => {
    const client = new pg.Client({ connectionString: embeddedDatabaseUrl(launcher!.output) });
    await client.connect();
    try {
      const [{ version }] = (await client.query<{ version: string }>('SELECT version()')).rows;
      expect(version).toMatch(/^PostgreSQL 17\./);
      // A real server gives each connection its own backend process.
      const pids = await Promise.all(
        [0, 1, 2].map(async () => {
          const c = new pg.Client({ connectionString: embeddedDatabaseUrl(launcher!.output) });
          await c.connect();
          const [{ pid }] = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
          await c.end();
          return pid;
        }),
      );
      expect(new Set(pids).size).toBe(3);
    } finally {
      await client.end();
    }
  });

  it(`answers ${REGISTRATIONS} registrations at once, each with the caller's own account`, async () => {
    const results = await Promise.all(
      Array.from({ length: REGISTRATIONS }, (_, i) =>
        timed(send('POST', '/api/auth/register', { body: registration(i), headers: from(i) })),
      ),
    );
    figures.registrations = { byStatus: byStatus(results), slowestMs: Math.max(...results.map((r) => r.ms)) };
    expect(byStatus(results)).toEqual({ 201: REGISTRATIONS });
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(10_000);
    results.forEach((r, i) => {
      expect(r.body.user.name).toBe(registration(i).name);
      tokens.push({
        id: r.body.user.id,
        token: r.body.accessToken,
        mobile: registration(i).mobile,
        name: registration(i).name,
      });
    });
    expect(new Set(tokens.map((t) => t.id)).size).toBe(REGISTRATIONS);
  });

  it(`lets ${READERS} users sign in and read their own pages ${READS_EACH} times each, all at once`, async () => {
    const readers = tokens.slice(0, READERS);
    const results = await Promise.all(
      readers.map(async (who, i) => {
        const signedIn = await timed(
          send('POST', '/api/auth/login', {
            body: { login: who.mobile, password: registration(i).password },
            headers: from(i),
          }),
        );
        if (signedIn.status !== 200) return [signedIn];
        const token = signedIn.body.accessToken as string;
        const reads = await Promise.all(
          Array.from({ length: READS_EACH }, (_, n) =>
            Promise.all([
              timed(api('/api/me', { token, headers: from(i) })),
              timed(api('/api/me/notifications', { token, headers: from(i) })),
              timed(api('/api/me/enrolments', { token, headers: from(i) })),
            ]).then(([me, notes, enrolments]) => {
              // Each answer belongs to its caller: a mixed-up connection would show another user's data.
              expect(me.body.id, `read ${n} of ${who.name}`).toBe(who.id);
              expect(me.body.name).toBe(who.name);
              expect(me.body.mobileMasked ?? me.body.mobile ?? '').toContain(who.mobile.slice(-4));
              return [me, notes, enrolments];
            }),
          ),
        );
        return [signedIn, ...reads.flat()];
      }),
    );
    const all = results.flat();
    figures.signInAndRead = {
      requests: all.length,
      byStatus: byStatus(all),
      slowestMs: Math.max(...all.map((r) => r.ms)),
    };
    expect(byStatus(all)).toEqual({ 200: READERS * (1 + 3 * READS_EACH) });
    expect(Math.max(...all.map((r) => r.ms))).toBeLessThan(10_000);
  });

  it(`seats exactly ${SEATS} of ${ENROLLERS} learners enrolling at once in a ${SEATS}-seat session`, async () => {
    // More learners, registered in small groups (setup, not measured).
    for (let i = REGISTRATIONS; i < ENROLLERS; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(25, ENROLLERS - i) }, (_, j) =>
          send('POST', '/api/auth/register', { body: registration(i + j), headers: from(i + j) }),
        ),
      );
      for (const [j, r] of batch.entries()) {
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        tokens.push({
          id: r.body.user.id,
          token: r.body.accessToken,
          mobile: '',
          name: registration(i + j).name,
        });
      }
    }
    const sessionId = await tenSeatSession();
    const results = await Promise.all(
      tokens.map((who, i) =>
        timed(send('POST', '/api/enrolments', { token: who.token, body: { sessionId }, headers: from(i) })),
      ),
    );
    const enrolled = results.filter((r) => r.status === 201 && r.body.status === 'enrolled');
    const waitlisted = results.filter((r) => r.status === 201 && r.body.status === 'waitlisted');
    figures.enrolments = {
      byStatus: byStatus(results),
      enrolled: enrolled.length,
      waitlisted: waitlisted.length,
      slowestMs: Math.max(...results.map((r) => r.ms)),
    };
    expect(byStatus(results)).toEqual({ 201: ENROLLERS });
    expect(enrolled).toHaveLength(SEATS);
    expect(waitlisted).toHaveLength(ENROLLERS - SEATS);
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(10_000);
    const client = new pg.Client({ connectionString: embeddedDatabaseUrl(launcher!.output) });
    await client.connect();
    try {
      const { rows } = await client.query<{ enrolled: number; total: number; seats: number }>(
        `SELECT count(*) FILTER (WHERE e.status = 'enrolled')::int AS enrolled, count(*)::int AS total,
                max(s.enrolled_count) AS seats
           FROM enrolments e JOIN course_sessions s ON s.id = e.session_id WHERE e.session_id = $1`,
        [sessionId],
      );
      expect(rows[0]).toEqual({ enrolled: SEATS, total: ENROLLERS, seats: SEATS });
      // Each answer was about its own caller's enrolment, with the status stored for it.
      const stored = await client.query<{ id: string; learner_user_id: string; status: string }>(
        `SELECT id, learner_user_id, status FROM enrolments WHERE session_id = $1`,
        [sessionId],
      );
      const byId = new Map(stored.rows.map((row) => [row.id, row]));
      results.forEach((r, i) => {
        expect(byId.get(r.body.id as string)?.learner_user_id).toBe(tokens[i].id);
        expect(byId.get(r.body.id as string)?.status).toBe(r.body.status);
      });
    } finally {
      await client.end();
    }
  }, 180_000);

  it('refuses a second start on the same data folder and leaves the first one serving', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      WEB_PORT: String(await freePort()),
    };
    delete env.DATABASE_URL;
    const second = spawn(process.execPath, ['apps/api/dist/launcher/start.js'], {
      cwd: ROOT,
      env,
      stdio: 'pipe',
    });
    let said = '';
    second.stderr?.on('data', (c: Buffer) => (said += c.toString()));
    second.stdout?.on('data', (c: Buffer) => (said += c.toString()));
    expect(await exitOf(second)).toBe(78);
    expect(said).toContain('is in use by another start');
    expect((await api('/health')).body.database.status).toBe('up');
    expect((await api('/api/me', { token: tokens[0].token })).body.id).toBe(tokens[0].id);
  }, 60_000);

  it('keeps its data and starts again on the same folder', async () => {
    const firstUser = tokens[0];
    expect(await stopLauncher(launcher)).toBe(0);
    launcher = await startLauncher();
    figures.secondStartSeconds = launcher.secondsToReady;
    expect(launcher.output.some((l) => l.includes('"msg":"embedded PostgreSQL started"'))).toBe(true);
    const again = await send('POST', '/api/auth/login', {
      body: { login: firstUser.mobile, password: registration(0).password },
    });
    expect(again.status).toBe(200);
    expect(again.body.user.id).toBe(firstUser.id);
    const demo = await login(`http://127.0.0.1:${apiPort}`, DEMO_LOGIN.learner);
    expect(demo.id).toEqual(expect.any(String));
  }, 180_000);
});

/** A published online course of the demo school with one 10-seat session, made through the API as staff would. */
async function tenSeatSession(): Promise<string> {
  const base = `http://127.0.0.1:${apiPort}`;
  const staff = await login(base, DEMO_LOGIN.providerAdmin);
  const providers = await api('/api/me/providers', { token: staff.token });
  const providerId = providers.body[0].id as string;
  const programme = await send('POST', `/api/providers/${providerId}/programmes`, {
    token: staff.token,
    body: { kind: 'community', title: '数字生活（开放日）' },
  });
  expect(programme.status).toBe(201);
  const course = await send('POST', '/api/courses', {
    token: staff.token,
    body: {
      programmeId: programme.body.id,
      title: '手机支付安全课',
      category: 'digital_skills',
      mode: 'online',
      studyHours: 2,
      credits: 0.5,
      description: '扫码付款、防范诈骗，一步一步学。',
      coverText: '十个名额',
    },
  });
  expect(course.status).toBe(201);
  const lesson = await send('POST', `/api/courses/${course.body.id}/lessons`, {
    token: staff.token,
    body: { kind: 'text', title: '扫码付款', body: '# 扫码付款\n先看清收款人。' },
  });
  expect(lesson.status).toBe(201);
  const day = (offset: number, hour = 9) =>
    `${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  const session = await send('POST', `/api/courses/${course.body.id}/sessions`, {
    token: staff.token,
    body: {
      label: '网络班',
      startsAt: day(2),
      endsAt: day(40, 11),
      capacity: SEATS,
      online: true,
      enrolmentOpensAt: day(-5),
      enrolmentClosesAt: day(30),
    },
  });
  expect(session.status).toBe(201);
  expect((await send('POST', `/api/courses/${course.body.id}/publish`, { token: staff.token })).status).toBe(
    200,
  );
  return session.body.id as string;
}
