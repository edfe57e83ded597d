import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import Bull, { type Queue } from 'bull';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { QueueName } from './job.constants.js';

/** Owns the Bull queues of this process (producers in the API, consumers in the worker). */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('Queues');
  private readonly queues = new Map<QueueName, Queue>();
  private lastErrorLog = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      const lock = this.config.jobLockMs;
      queue = new Bull(name, this.config.redisUrl, {
        prefix: this.config.queuePrefix,
        settings: { lockDuration: lock, lockRenewTime: lock / 2, stalledInterval: lock },
      });
      queue.on('error', (error) => this.logThrottled(name, error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  all(): Queue[] {
    return Object.values(QueueName).map((name) => this.get(name));
  }

  /** True when the producer connection of every queue is connected. Never waits for a reconnect. */
  isConnected(): boolean {
    return this.all().every((q) => q.client.status === 'ready');
  }

  /** Answers within `timeoutMs`: true when Redis replies to PING (waiting for a connection still being made). */
  async ping(timeoutMs = 1000): Promise<boolean> {
    const client = this.get(QueueName.Notifications).client;
    let onReady: (() => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const ready =
      client.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            onReady = resolve;
            client.once('ready', onReady);
          });
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([
        ready
          .then(() => client.ping())
          .then(
            () => true,
            () => false,
          ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
      if (onReady) client.off('ready', onReady);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }

  private logThrottled(queue: QueueName, error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.logger.warn({ msg: 'queue connection problem', queue, error: error.message });
  }
}
