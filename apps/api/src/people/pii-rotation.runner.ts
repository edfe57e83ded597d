import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { PiiService } from './pii.service.js';
import type { PiiRotation } from './pii-rotation.entity.js';

const START = '00000000-0000-0000-0000-000000000000';
/** Further passes allowed when rows under older keys keep appearing (a process still on the old configuration). */
const MAX_PASSES = 3;

/** Rows whose ciphertext or hash is not under the given versions (`$1` encryption, `$2` hash). */
export const STALE_ROWS = `id_number_enc IS NOT NULL
  AND (get_byte(id_number_enc, 0) <> $1 OR id_number_hash_version <> $2)`;

/** Authenticator secrets (encrypted with the same personal-data key, no hash) not under encryption version `$1`. */
export const STALE_SECRETS = `get_byte(secret_enc, 0) <> $1`;

/** How many rows a rotation to these versions still has to rewrite: ID numbers and authenticator secrets. */
export const STALE_COUNT = `SELECT (SELECT count(*) FROM learner_profiles WHERE ${STALE_ROWS})::int
                                 + (SELECT count(*) FROM user_totp WHERE ${STALE_SECRETS.replaceAll('$1', '$1::int')})::int
                                   AS n`;

export type BatchOutcome = 'continue' | 'completed' | 'stopped';

/**
 * Re-encrypts and re-hashes ID numbers under the newest keys, a batch per transaction: the batch's rows, the
 * cursor and the count are committed together, so a run killed at any moment leaves every row either wholly under
 * the old keys or wholly under the new ones, and the next run starts after the last committed batch. Used by the
 * Bull job and by the command line (`npm run pii:rotate`); several runners of one rotation take turns on its row
 * lock. Plain class (no Nest) so the command line needs only a DataSource.
 */
export class PiiRotationRunner {
  private readonly audit: AuditService;

  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiService,
    private readonly batchSize: number,
  ) {
    this.audit = new AuditService(dataSource);
  }

  /** Runs batches until the rotation completes, fails or is no longer running; returns its final state. */
  async run(rotationId: string, onBatch?: (r: PiiRotation) => void): Promise<BatchOutcome> {
    for (;;) {
      let outcome: BatchOutcome;
      try {
        outcome = await this.dataSource.transaction((m) => this.batch(m, rotationId, onBatch));
      } catch (error) {
        if (!isDataError(error)) throw error; // transient (database away): the job is retried and resumes
        await this.fail(rotationId, error.message);
        return 'stopped';
      }
      if (outcome !== 'continue') return outcome;
    }
  }

  private async batch(
    m: EntityManager,
    rotationId: string,
    onBatch?: (r: PiiRotation) => void,
  ): Promise<BatchOutcome> {
    const [r] = await m.query<PiiRotation[]>(
      `SELECT id, status, encryption_version AS "encryptionVersion", hash_version AS "hashVersion", total, done,
              cursor, passes FROM pii_rotations WHERE id = $1 FOR UPDATE`,
      [rotationId],
    );
    if (!r || r.status !== 'running') return 'stopped';
    if (r.encryptionVersion !== this.pii.encryptionVersion || r.hashVersion !== this.pii.hashVersion) {
      throw new RotationDataError(
        `this process's newest keys (encryption ${this.pii.encryptionVersion}, hash ${this.pii.hashVersion}) ` +
          `differ from the rotation's (${r.encryptionVersion}, ${r.hashVersion}): give every process the same keys`,
      );
    }
    const rows = await m.query<Array<{ user_id: string; id_number_enc: Buffer }>>(
      `SELECT user_id, id_number_enc FROM learner_profiles
        WHERE ${STALE_ROWS} AND user_id > $3 ORDER BY user_id LIMIT $4 FOR UPDATE`,
      [r.encryptionVersion, r.hashVersion, r.cursor ?? START, this.batchSize],
    );
    if (rows.length === 0) return this.secretsBatch(m, r, onBatch);
    for (const row of rows) {
      let plain: string;
      try {
        plain = this.pii.decrypt(row.id_number_enc);
      } catch (error) {
        throw new RotationDataError(
          `the ID number of learner ${row.user_id} cannot be decrypted with any configured key ` +
            `(${(error as Error).message}); nothing in its batch was changed`,
        );
      }
      const p = this.pii.protectIdNumber(plain);
      await m.query(
        `UPDATE learner_profiles SET id_number_enc = $2, id_number_hash = $3, id_number_hash_version = $4
          WHERE user_id = $1`,
        [row.user_id, p.enc, p.hash, p.hashVersion],
      );
    }
    const [updated] = await m.query<PiiRotation[]>(
      `UPDATE pii_rotations SET cursor = $2, done = done + $3, updated_at = now() WHERE id = $1
       RETURNING id, status, total, done, passes`,
      [rotationId, rows[rows.length - 1].user_id, rows.length],
    );
    onBatch?.(updated);
    return 'continue';
  }

  /**
   * After the ID numbers, the authenticator secrets: a batch of those still under an older key, re-encrypted in the
   * same kind of transaction (no cursor needed: a rewritten secret is no longer selected, so a resumed run simply
   * continues with the rest). Then the end of the pass.
   */
  private async secretsBatch(
    m: EntityManager,
    r: PiiRotation,
    onBatch?: (r: PiiRotation) => void,
  ): Promise<BatchOutcome> {
    const rows = await m.query<Array<{ user_id: string; secret_enc: Buffer }>>(
      `SELECT user_id, secret_enc FROM user_totp WHERE ${STALE_SECRETS} ORDER BY user_id LIMIT $2 FOR UPDATE`,
      [r.encryptionVersion, this.batchSize],
    );
    if (rows.length === 0) return this.endOfPass(m, r);
    for (const row of rows) {
      let plain: string;
      try {
        plain = this.pii.decrypt(row.secret_enc);
      } catch (error) {
        throw new RotationDataError(
          `the authenticator secret of user ${row.user_id} cannot be decrypted with any configured key ` +
            `(${(error as Error).message}); nothing in its batch was changed`,
        );
      }
      await m.query(`UPDATE user_totp SET secret_enc = $2 WHERE user_id = $1`, [
        row.user_id,
        this.pii.encrypt(plain),
      ]);
    }
    const [updated] = await m.query<PiiRotation[]>(
      `UPDATE pii_rotations SET done = done + $2, updated_at = now() WHERE id = $1
       RETURNING id, status, total, done, passes`,
      [r.id, rows.length],
    );
    onBatch?.(updated);
    return 'continue';
  }

  /** The end of a pass: done when no row is left under an older key, else another pass (bounded). */
  private async endOfPass(m: EntityManager, r: PiiRotation): Promise<BatchOutcome> {
    const [{ n }] = await m.query<Array<{ n: number }>>(STALE_COUNT, [r.encryptionVersion, r.hashVersion]);
    if (n === 0) {
      await m.query(
        `UPDATE pii_rotations SET status = 'completed', cursor = NULL, finished_at = now(), updated_at = now()
          WHERE id = $1`,
        [r.id],
      );
      await this.audit.record(m, {
        action: 'pii.rotation_completed',
        entityType: 'pii_rotation',
        entityId: r.id,
        details: { done: r.done, passes: r.passes + 1 },
      });
      return 'completed';
    }
    if (r.passes + 1 >= MAX_PASSES) {
      throw new RotationDataError(
        `${n} rows are still written under older keys after ${MAX_PASSES} passes: a process still runs with the old key configuration`,
      );
    }
    await m.query(
      `UPDATE pii_rotations SET cursor = NULL, passes = passes + 1, total = total + $2, updated_at = now()
        WHERE id = $1`,
      [r.id, n],
    );
    return 'continue';
  }

  private async fail(rotationId: string, message: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [row] = await m.query<Array<{ id: string }>>(
        `UPDATE pii_rotations SET status = 'failed', error = $2, updated_at = now(), finished_at = now()
          WHERE id = $1 AND status = 'running' RETURNING id`,
        [rotationId, message.slice(0, 1000)],
      );
      if (!row) return;
      await this.audit.record(m, {
        action: 'pii.rotation_failed',
        entityType: 'pii_rotation',
        entityId: rotationId,
        details: { error: message.slice(0, 300) },
      });
    });
  }
}

/** A failure that retrying cannot cure: the run stops as `failed`, to be resumed by an administrator. */
class RotationDataError extends Error {}

function isDataError(error: unknown): error is Error {
  return error instanceof RotationDataError;
}
