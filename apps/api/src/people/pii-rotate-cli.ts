import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { PiiService } from './pii.service.js';
import { PiiRotationRunner, STALE_COUNT } from './pii-rotation.runner.js';

/**
 * `npm run pii:rotate`: re-encrypts and re-hashes every ID number under the newest keys from this process, with
 * the same environment as the API. Resumes a running or failed rotation (its cursor), else starts one. Safe beside
 * the Bull job of the same rotation: batches take turns on the rotation's row lock. Exit 0 when completed, 1 when
 * the run failed (the reason is printed and kept for the admin screen), 78 on a configuration problem.
 */
let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(78);
}
if (!config.databaseUrl) {
  console.error('Missing configuration: DATABASE_URL (postgres://user:password@host:5432/database).');
  process.exit(78);
}
const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl, 2)).initialize();
const pii = new PiiService(config);
const audit = new AuditService(dataSource);
const log = (msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: 'info', msg, ...extra }));

const rotationId = await dataSource.transaction(async (m) => {
  const [open] = await m.query<Array<{ id: string; status: string }>>(
    `SELECT id, status FROM pii_rotations WHERE status IN ('running', 'failed')
      ORDER BY status = 'running' DESC, started_at DESC LIMIT 1 FOR UPDATE`,
  );
  if (open?.status === 'running') return open.id;
  const versions = [pii.encryptionVersion, pii.hashVersion];
  if (open) {
    await m.query(
      `UPDATE pii_rotations SET status = 'running', error = NULL, finished_at = NULL, updated_at = now(),
              encryption_version = $2, hash_version = $3 WHERE id = $1`,
      [open.id, ...versions],
    );
    await audit.record(m, {
      action: 'pii.rotation_resumed',
      entityType: 'pii_rotation',
      entityId: open.id,
      details: { via: 'cli' },
    });
    return open.id;
  }
  const [{ n }] = await m.query<Array<{ n: number }>>(STALE_COUNT, versions);
  const [row] = await m.query<Array<{ id: string }>>(
    `INSERT INTO pii_rotations (status, encryption_version, hash_version, total) VALUES ('running', $1, $2, $3)
     RETURNING id`,
    [...versions, n],
  );
  await audit.record(m, {
    action: 'pii.rotation_started',
    entityType: 'pii_rotation',
    entityId: row.id,
    details: { via: 'cli', encryptionVersion: versions[0], hashVersion: versions[1], rows: n },
  });
  return row.id;
});
log('key rotation running', {
  rotationId,
  encryptionVersion: pii.encryptionVersion,
  hashVersion: pii.hashVersion,
});
const outcome = await new PiiRotationRunner(dataSource, pii, config.pii.rotationBatchSize).run(
  rotationId,
  (r) => log('batch committed', { done: r.done, total: r.total, pass: r.passes + 1 }),
);
const [final] = await dataSource.query<Array<{ status: string; done: number; error: string | null }>>(
  `SELECT status, done, error FROM pii_rotations WHERE id = $1`,
  [rotationId],
);
await dataSource.destroy();
log('key rotation ended', { rotationId, outcome, ...final });
process.exit(final.status === 'completed' ? 0 : 1);
