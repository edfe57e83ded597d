import { spawn } from 'node:child_process';
import { freePort } from '../../support/stack.js';
import type { Metric } from '../report.js';
import { SNAPSHOT } from '../snapshot.js';
import { type BenchContext, tokensFor } from './context.js';
import { listFixtures } from './fixtures.js';
import { startSqlCounter } from './sql-counter.js';

interface Probe {
  route: string;
  at10: { path: string; token?: string };
  at100: { path: string; token?: string };
}

/**
 * Bench 8: SQL statements per request, counted at the wire by a proxy in front of PostgreSQL, for the main list
 * routes at 10 and at 100 items. An API process of its own talks through the proxy, with its background polling
 * slowed to a minute; each request runs three times and the smallest count is kept (the first may warm caches).
 */
export async function benchStatements(ctx: BenchContext): Promise<Metric[]> {
  const f = await listFixtures(ctx);
  const [token10, token100] = await tokensFor(ctx, [f.learner10, f.learner100]);
  const counter = await startSqlCounter();
  const port = await freePort();
  const database = new URL(ctx.stack.databaseUrl).pathname.slice(1);
  const api = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: SNAPSHOT,
    env: {
      ...ctx.stack.env,
      DATABASE_URL: counter.url(database),
      PORT: String(port),
      WORKER_IN_PROCESS: 'false',
      OUTBOX_POLL_MS: '60000',
      MIGRATE_ON_START: 'false',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (i > 300) throw new Error('the counting API did not start');
      const ok = await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const count = async ({ path, token }: { path: string; token?: string }) => {
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const before = counter.count();
        const res = await fetch(`${url}${path}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path}: ${res.status}`);
        // Let the pool's trailing messages (none expected) arrive before reading the counter.
        await new Promise((r) => setTimeout(r, 50));
        counts.push(counter.count() - before);
      }
      return Math.min(...counts);
    };
    const probes: Probe[] = [
      {
        route: 'GET /api/catalogue/courses (page size)',
        at10: { path: '/api/catalogue/courses?q=%E7%94%B5%E5%B7%A5&pageSize=10' },
        at100: { path: '/api/catalogue/courses?q=%E7%94%B5%E5%B7%A5&pageSize=100' },
      },
      {
        route: 'GET /api/catalogue/courses/:id (lessons + sessions)',
        at10: { path: `/api/catalogue/courses/${f.course10}` },
        at100: { path: `/api/catalogue/courses/${f.course100}` },
      },
      {
        route: 'GET /api/me/enrolments (enrolments)',
        at10: { path: '/api/me/enrolments', token: token10 },
        at100: { path: '/api/me/enrolments', token: token100 },
      },
      {
        route: 'GET /api/me/courses/:id/learn (lessons)',
        at10: { path: `/api/me/courses/${f.course10}/learn`, token: token10 },
        at100: { path: `/api/me/courses/${f.course100}/learn`, token: token100 },
      },
    ];
    const metrics: Metric[] = [];
    for (const p of probes) {
      const at10 = await count(p.at10);
      const at100 = await count(p.at100);
      metrics.push({
        benchmark: `8 SQL per request ${p.route}`,
        metric: 'statements at 100 (baseline: at 10)',
        unit: 'statements',
        candidate: at100,
        baseline: at10,
        ratio: Math.round((at100 / at10) * 100) / 100,
        goal: '== 1',
      });
    }
    return metrics;
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    await counter.close();
  }
}
