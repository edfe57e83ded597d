import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DEFAULT_JOB_OPTIONS, type JobData, type JobName, type QueueName } from './job.constants.js';
import { QueueService } from './queue.service.js';

interface PendingRow {
  id: string;
  queue: QueueName;
  name: JobName;
  job_id: string;
  payload: JobData['payload'];
  request_id: string | null;
}

const BATCH = 100;
const ADD_TIMEOUT_MS = 3000;

/**
 * Moves jobs from the outbox table to Bull. Safe with many relays running: rows are claimed with
 * FOR UPDATE SKIP LOCKED, and a row relayed twice (crash between add and commit) maps to the same Bull job id.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Relays what is pending now; returns how many jobs reached Bull. */
  async relayOnce(): Promise<number> {
    if (!this.queues.isConnected()) return 0;
    let total = 0;
    for (;;) {
      const sent = await this.relayBatch();
      total += sent;
      if (sent < BATCH) return total;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayOnce();
      this.running
        .catch((error: Error) => this.logger.warn({ msg: 'outbox relay failed', error: error.message }))
        .finally(() => this.schedule(this.config.outboxPollMs));
    }, delay);
  }

  private async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, queue, name, job_id, payload, request_id FROM job_outbox
          WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      const sent: string[] = [];
      for (const row of rows) {
        try {
          await this.add(row);
          sent.push(row.id);
        } catch (error) {
          await manager.query(
            `UPDATE job_outbox SET relay_attempts = relay_attempts + 1, last_error = $2 WHERE id = $1`,
            [row.id, (error as Error).message.slice(0, 500)],
          );
          break;
        }
      }
      if (sent.length) {
        await manager.query(`UPDATE job_outbox SET sent_at = now() WHERE id = ANY($1::bigint[])`, [sent]);
      }
      return sent.length;
    });
  }

  private async add(row: PendingRow): Promise<void> {
    const queue = this.queues.get(row.queue);
    const data: JobData = { payload: row.payload, requestId: row.request_id };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not accept the job in time')), ADD_TIMEOUT_MS);
    });
    try {
      await Promise.race([queue.add(row.name, data, { ...DEFAULT_JOB_OPTIONS, jobId: row.job_id }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
