import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@cll/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobName } from '../jobs/job.constants.js';
import { OutboxService } from '../jobs/outbox.service.js';
import type { PiiKeyStatusResponse, PiiRotationResponse } from './dto/pii-rotation.dto.js';
import { PiiService } from './pii.service.js';
import { PiiRotationRunner, STALE_COUNT } from './pii-rotation.runner.js';

const ROTATION_COLUMNS = `r.id, r.status, r.encryption_version AS "encryptionVersion", r.hash_version AS "hashVersion",
  r.total, r.done, r.passes, r.error, u.name AS "startedByName", r.started_at AS "startedAt",
  r.updated_at AS "updatedAt", r.finished_at AS "finishedAt"`;

/** Starting, resuming and watching personal-data key rotations (bureau administrators); the job runs them. */
@Injectable()
export class PiiRotationService {
  private readonly runner: PiiRotationRunner;

  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.runner = new PiiRotationRunner(dataSource, pii, config.pii.rotationBatchSize);
  }

  /** Job handler: runs (or resumes) the rotation's batches. */
  async run(rotationId: string): Promise<void> {
    await this.runner.run(rotationId);
  }

  async status(): Promise<PiiKeyStatusResponse> {
    const [counts, rotations] = await Promise.all([
      this.dataSource.query<PiiKeyStatusResponse['counts']>(
        `SELECT get_byte(id_number_enc, 0) AS "encryptionVersion", id_number_hash_version AS "hashVersion",
                count(*)::int AS rows
           FROM learner_profiles WHERE id_number_enc IS NOT NULL GROUP BY 1, 2 ORDER BY 1 DESC, 2 DESC`,
      ),
      this.dataSource.query<PiiRotationResponse[]>(
        `SELECT ${ROTATION_COLUMNS} FROM pii_rotations r LEFT JOIN users u ON u.id = r.started_by_user_id
          ORDER BY r.started_at DESC LIMIT 20`,
      ),
    ]);
    const current = { enc: this.pii.encryptionVersion, hash: this.pii.hashVersion };
    return {
      encryptionVersions: this.pii.encryptionVersions,
      hashVersions: this.pii.hashVersions,
      currentEncryptionVersion: current.enc,
      currentHashVersion: current.hash,
      counts,
      stale: counts
        .filter((c) => c.encryptionVersion !== current.enc || c.hashVersion !== current.hash)
        .reduce((sum, c) => sum + c.rows, 0),
      rotations: rotations.map(toResponse),
    };
  }

  /** Starts a run towards the newest keys; one at a time (`PII_ROTATION_RUNNING`). */
  async start(user: AuthUser): Promise<PiiRotationResponse> {
    const id = await this.dataSource
      .transaction(async (m) => {
        const [{ n }] = await m.query<Array<{ n: number }>>(STALE_COUNT, [
          this.pii.encryptionVersion,
          this.pii.hashVersion,
        ]);
        const [row] = await m.query<Array<{ id: string }>>(
          `INSERT INTO pii_rotations (status, encryption_version, hash_version, total, started_by_user_id)
           VALUES ('running', $1, $2, $3, $4) RETURNING id`,
          [this.pii.encryptionVersion, this.pii.hashVersion, n, user.id],
        );
        await this.outbox.enqueue(m, JobName.RotatePiiKeys, `pii-rotation:${row.id}:0`, {
          rotationId: row.id,
        });
        await this.audit.record(m, {
          action: 'pii.rotation_started',
          entityType: 'pii_rotation',
          entityId: row.id,
          actorUserId: user.id,
          details: {
            encryptionVersion: this.pii.encryptionVersion,
            hashVersion: this.pii.hashVersion,
            rows: n,
          },
        });
        return row.id;
      })
      .catch((error: unknown) => {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
          throw new DomainException(ErrorCode.PiiRotationRunning, 'A key rotation is already running.');
        }
        throw error;
      });
    return this.one(id);
  }

  /** Resumes a failed run from its last committed batch, once its cause is fixed. */
  async resume(user: AuthUser, id: string): Promise<PiiRotationResponse> {
    await this.dataSource
      .transaction(async (m) => {
        const [row] = await m.query<Array<{ status: string; resumes: number }>>(
          `SELECT status, (SELECT count(*)::int FROM audit_events
                            WHERE action = 'pii.rotation_resumed' AND entity_id = $2) AS resumes
             FROM pii_rotations WHERE id = $1 FOR UPDATE`,
          [id, id],
        );
        if (!row) throw new DomainException(ErrorCode.NotFound, 'No such key rotation.');
        if (row.status !== 'failed') {
          throw new DomainException(
            ErrorCode.PiiRotationStateInvalid,
            'Only a failed key rotation can be resumed.',
          );
        }
        await m.query(
          `UPDATE pii_rotations SET status = 'running', error = NULL, finished_at = NULL, updated_at = now(),
                  encryption_version = $2, hash_version = $3 WHERE id = $1`,
          [id, this.pii.encryptionVersion, this.pii.hashVersion],
        );
        await this.outbox.enqueue(m, JobName.RotatePiiKeys, `pii-rotation:${id}:${row.resumes + 1}`, {
          rotationId: id,
        });
        await this.audit.record(m, {
          action: 'pii.rotation_resumed',
          entityType: 'pii_rotation',
          entityId: id,
          actorUserId: user.id,
        });
      })
      .catch((error: unknown) => {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
          throw new DomainException(ErrorCode.PiiRotationRunning, 'Another key rotation is already running.');
        }
        throw error;
      });
    return this.one(id);
  }

  private async one(id: string): Promise<PiiRotationResponse> {
    const [row] = await this.dataSource.query<PiiRotationResponse[]>(
      `SELECT ${ROTATION_COLUMNS} FROM pii_rotations r LEFT JOIN users u ON u.id = r.started_by_user_id
        WHERE r.id = $1`,
      [id],
    );
    return toResponse(row);
  }
}

function toResponse(r: PiiRotationResponse): PiiRotationResponse {
  const iso = (d: string | Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    ...r,
    startedAt: iso(r.startedAt) as string,
    updatedAt: iso(r.updatedAt) as string,
    finishedAt: iso(r.finishedAt),
  };
}
