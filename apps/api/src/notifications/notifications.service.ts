import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@cll/domain';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { Notification } from './notification.entity.js';

const LIST_LIMIT = 100;

@Injectable()
export class NotificationsService {
  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  /** Idempotent: a retried job finds the dedupe key taken and inserts nothing. */
  async deliverWelcome(userId: string): Promise<void> {
    await this.notifications.manager.query(
      `INSERT INTO notifications (user_id, kind, params, dedupe_key)
       SELECT u.id, 'welcome', jsonb_build_object('name', u.name), 'welcome:' || u.id FROM users u WHERE u.id = $1
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [userId],
    );
  }

  /**
   * Writes notifications in the caller's transaction, so they exist exactly when the change does.
   * `dedupeKey` makes a repeated call harmless (one notification per key and user).
   */
  async notify(
    manager: EntityManager,
    userIds: string[],
    kind: string,
    params: Record<string, string | number>,
    dedupeKey: string,
  ): Promise<void> {
    if (!userIds.length) return;
    await manager.query(
      `INSERT INTO notifications (user_id, kind, params, dedupe_key)
       SELECT u, $2, $3::jsonb, $4 || ':' || u FROM unnest($1::uuid[]) AS u
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [userIds, kind, JSON.stringify(params), dedupeKey],
    );
  }

  async list(userId: string): Promise<{ items: Notification[]; unread: number }> {
    const [items, unread] = await Promise.all([
      this.notifications.find({ where: { userId }, order: { createdAt: 'DESC' }, take: LIST_LIMIT }),
      this.notifications.count({ where: { userId, readAt: IsNull() } }),
    ]);
    return { items, unread };
  }

  async markRead(userId: string, id: string): Promise<void> {
    const result = await this.notifications
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'COALESCE(read_at, now())' })
      .where('id = :id AND user_id = :userId', { id, userId })
      .execute();
    if (!result.affected) throw new DomainException(ErrorCode.NotFound, 'No such notification.');
  }
}
