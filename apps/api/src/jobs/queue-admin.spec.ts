import { Role } from '@cll/domain';
import Bull from 'bull';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, makeActor, makeProvider } from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { JobName, QueueName } from './job.constants.js';
import { QueueService } from './queue.service.js';

// No worker in this app: the jobs below are failed by a real Bull processor of the test's own, so what the page
// shows and what retry does are Bull's, and a retried job then stays waiting where the test can see it.
let t: TestApp;
let admin: Actor;
let queues: QueueService;

beforeAll(async () => {
  t = await startTestApp({ WORKER_IN_PROCESS: 'false', RATE_LIMIT_REGISTRATIONS_PER_IP: '1000' });
  admin = await makeActor(t, Role.BureauAdmin);
  queues = t.app.get(QueueService);
});
afterAll(() => t?.close());

/** Adds a job and lets a real Bull processor fail it with `reason`; resolves once Bull records it as failed. */
async function failedJob(reason: string, queue = QueueName.Certificates): Promise<string> {
  const jobId = `certificate-pdf:${randomUUID()}`;
  await queues
    .get(queue)
    .add(
      JobName.CertificatePdf,
      { payload: { certificateId: randomUUID() }, requestId: null },
      { jobId, attempts: 1 },
    );
  await failWaiting(queue, jobId, reason);
  return jobId;
}

async function failWaiting(queue: QueueName, jobId: string, reason: string): Promise<void> {
  const processor = new Bull(queue, t.config.redisUrl, { prefix: t.config.queuePrefix });
  const failed = new Promise<void>((resolve) =>
    processor.on('failed', (job) => {
      if (String(job.id) === jobId) resolve();
    }),
  );
  void processor.process(JobName.CertificatePdf, () => Promise.reject(new Error(reason)));
  await failed;
  await processor.close();
}

const as = (actor: Actor | null, method: 'get' | 'post' | 'delete', path: string) => {
  const req = t.http[method](path);
  return actor ? req.auth(actor.token, { type: 'bearer' }) : req;
};

interface AuditRow {
  action: string;
  actor_user_id: string;
  entity_type: string;
  entity_id: string;
  details: object;
}

async function auditOf(requestId: string): Promise<AuditRow[]> {
  return t.db.query<AuditRow[]>(
    `SELECT action, actor_user_id, entity_type, entity_id, details FROM audit_events WHERE request_id = $1`,
    [requestId],
  );
}

describe('the job queues for the bureau administrator (/api/admin/queues)', () => {
  it('shows every queue with its counts and a failed job with its reason, attempts and time, not its data', async () => {
    const before = Date.now();
    const jobId = await failedJob('PDF font missing: Noto Sans CJK');
    const res = await as(admin, 'get', '/api/admin/queues').expect(200);
    const names = (res.body.queues as Array<{ name: string }>).map((q) => q.name).sort();
    expect(names).toEqual(Object.values(QueueName).sort());
    const certificates = res.body.queues.find(
      (q: { name: string }) => q.name === String(QueueName.Certificates),
    );
    // The counts are Bull's own, read a second way.
    const counts = await queues.get(QueueName.Certificates).getJobCounts();
    expect(certificates.counts.failed).toBe(counts.failed);
    expect(certificates.counts.waiting).toBe(counts.waiting);
    const shown = certificates.failedJobs.find((j: { id: string }) => j.id === jobId);
    expect(shown).toEqual({
      id: jobId,
      name: JobName.CertificatePdf,
      attemptsMade: 1,
      attempts: 1,
      failedReason: 'PDF font missing: Noto Sans CJK',
      failedAt: expect.any(String),
    });
    expect(Date.parse(shown.failedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(JSON.stringify(res.body)).not.toContain('certificateId');
  });

  it('retries a failed job once (it waits to run again), audited with the administrator as actor', async () => {
    const jobId = await failedJob('SMS gateway answered 502');
    const path = `/api/admin/queues/certificates/jobs/${encodeURIComponent(jobId)}/retry`;
    const res = await as(admin, 'post', path).expect(200);
    expect(res.body).toEqual({ queue: 'certificates', jobId, done: 'retried' });
    const job = await queues.get(QueueName.Certificates).getJob(jobId);
    expect(await job?.getState()).toBe('waiting');
    const events = await auditOf(res.headers['x-request-id']);
    expect(events).toEqual([
      {
        action: 'job.retried',
        actor_user_id: admin.id,
        entity_type: 'job',
        entity_id: `certificates/${jobId}`,
        details: { queue: 'certificates', name: JobName.CertificatePdf, attemptsMade: 1 },
      },
    ]);
    // It is not failed any more: a second retry, or removing it, is refused and leaves no event.
    const again = await as(admin, 'post', path).expect(409);
    expect(again.body.code).toBe('JOB_STATE_INVALID');
    expect(await auditOf(again.headers['x-request-id'])).toEqual([]);
    const remove = await as(admin, 'delete', `/api/admin/queues/certificates/jobs/${jobId}`).expect(409);
    expect(remove.body.code).toBe('JOB_STATE_INVALID');
    expect(await job?.getState()).toBe('waiting');
    // Once it fails again it can be removed.
    await failWaiting(QueueName.Certificates, jobId, 'still failing');
    const overview = await as(admin, 'get', '/api/admin/queues').expect(200);
    const certificates = overview.body.queues.find((q: { name: string }) => q.name === 'certificates');
    expect(certificates.failedJobs.find((j: { id: string }) => j.id === jobId)).toMatchObject({
      failedReason: 'still failing',
      // Bull counts every run, before and after the retry.
      attemptsMade: 2,
    });
  });

  it('removes a failed job, audited; the job is gone and a second removal is 404', async () => {
    const jobId = await failedJob('roster file unreadable');
    const path = `/api/admin/queues/certificates/jobs/${jobId}`;
    const res = await as(admin, 'delete', path).expect(200);
    expect(res.body).toEqual({ queue: 'certificates', jobId, done: 'removed' });
    expect(await queues.get(QueueName.Certificates).getJob(jobId)).toBeNull();
    const events = await auditOf(res.headers['x-request-id']);
    expect(events.map((e) => [e.action, e.actor_user_id, e.entity_id])).toEqual([
      ['job.removed', admin.id, `certificates/${jobId}`],
    ]);
    const overview = await as(admin, 'get', '/api/admin/queues').expect(200);
    const ids = overview.body.queues.flatMap((q: { failedJobs: Array<{ id: string }> }) =>
      q.failedJobs.map((j) => j.id),
    );
    expect(ids).not.toContain(jobId);
    const gone = await as(admin, 'delete', path).expect(404);
    expect(gone.body.code).toBe('NOT_FOUND');
    // The job is looked up in the queue named, not in every queue.
    const other = await failedJob('wrong queue test');
    await as(admin, 'post', `/api/admin/queues/notifications/jobs/${other}/retry`).expect(404);
  });

  it('lets only one of two administrators retrying the same job at once succeed, with one audit event', async () => {
    const second = await makeActor(t, Role.BureauAdmin);
    const jobId = await failedJob('two at once');
    const path = `/api/admin/queues/certificates/jobs/${jobId}/retry`;
    const answers = await Promise.all([as(admin, 'post', path), as(second, 'post', path)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const rows: Array<{ n: number }> = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'job.retried' AND entity_id = $1`,
      [`certificates/${jobId}`],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses an unknown queue and a job id people would not have typed with a coded 400', async () => {
    for (const path of [
      '/api/admin/queues/emails/jobs/1/retry',
      `/api/admin/queues/certificates/jobs/${encodeURIComponent('1 OR 1=1')}/retry`,
      `/api/admin/queues/certificates/jobs/${encodeURIComponent('证书:１')}/retry`,
      `/api/admin/queues/certificates/jobs/${'a'.repeat(201)}/retry`,
      `/api/admin/queues/certificates/jobs/${encodeURIComponent('a\u200Bb')}/retry`,
    ]) {
      const res = await as(admin, 'post', path);
      expect(res.status, path).toBe(400);
      expect(res.body.code, path).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses anonymous callers (401) and every other role (403) on every route, changing nothing', async () => {
    const jobId = await failedJob('kept for the roles test');
    const routes: Array<['get' | 'post' | 'delete', string]> = [
      ['get', '/api/admin/queues'],
      ['post', `/api/admin/queues/certificates/jobs/${jobId}/retry`],
      ['delete', `/api/admin/queues/certificates/jobs/${jobId}`],
    ];
    const providerId = await makeProvider(t);
    for (const [method, path] of routes) {
      const anonymous = await as(null, method, path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.code).toBe('AUTH_REQUIRED');
      for (const role of [Role.Learner, Role.ProviderAdmin, Role.ProviderStaff, Role.BureauAnalyst]) {
        const actor = await makeActor(t, role, role.startsWith('provider') ? providerId : undefined);
        const res = await as(actor, method, path);
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    }
    const job = await queues.get(QueueName.Certificates).getJob(jobId);
    expect(await job?.getState()).toBe('failed');
  });
});

describe('the job queues without Redis', () => {
  it('answers 503 SERVICE_UNAVAILABLE within a few seconds instead of waiting', async () => {
    const down = await startTestApp({ WORKER_IN_PROCESS: 'false', REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const bureau = await makeActor(down, Role.BureauAdmin);
      const started = Date.now();
      const res = await down.http.get('/api/admin/queues').auth(bureau.token, { type: 'bearer' });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await down.close();
    }
  });
});
