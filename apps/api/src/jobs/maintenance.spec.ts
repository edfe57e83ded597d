import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { waitFor } from '../testing/wait.js';
import { MaintenanceService } from './maintenance.service.js';
import { QueueName } from './job.constants.js';
import { QueueService } from './queue.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('scheduled maintenance', () => {
  it('prunes rate-limit windows older than two days and keeps current ones', async () => {
    await t.db.query(
      `INSERT INTO rate_limit_buckets (key, window_start, hits) VALUES ('old', now() - interval '3 days', 4), ('new', now(), 1)`,
    );
    expect(await t.app.get(MaintenanceService).pruneRateLimits()).toBe(1);
    expect(await t.db.query(`SELECT key FROM rate_limit_buckets WHERE key IN ('old', 'new')`)).toEqual([
      { key: 'new' },
    ]);
  });

  it('registers the schedule once in Redis however often workers start', async () => {
    const queue = t.app.get(QueueService).get(QueueName.Maintenance);
    const schedules = await waitFor(async () => {
      const found = await queue.getRepeatableJobs();
      return found.length === 2 ? found : undefined;
    });
    expect(schedules.map((s) => s.name).sort()).toEqual(['prune-rate-limits', 'recompute-indicators']);
    // A second worker registering the same schedule changes nothing.
    await queue.add(
      'prune-rate-limits',
      { payload: {}, requestId: null },
      { repeat: { every: 3_600_000 }, jobId: 'prune-rate-limits' },
    );
    expect(await queue.getRepeatableJobs()).toHaveLength(2);
  });
});
