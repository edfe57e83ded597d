import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { currentRequestId } from '../common/request-context.js';
import { AuditEvent } from './audit-event.entity.js';
import { type AuditPageResponse, type AuditQuery, toAuditEventResponse } from './audit.dto.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  actorUserId?: string | null;
  onBehalfOfUserId?: string | null;
  /** Never personal identifiers: ids, codes and counts only. */
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes an audit event in the caller's transaction, so it exists exactly when the change does. */
  async record(manager: EntityManager, input: AuditInput): Promise<void> {
    await manager.insert(AuditEvent, {
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      actorUserId: input.actorUserId ?? null,
      onBehalfOfUserId: input.onBehalfOfUserId ?? null,
      requestId: currentRequestId() ?? null,
      // TypeORM's deep-partial type cannot take an open record; the column is jsonb.
      details: (input.details ?? {}) as never,
    });
  }

  /** The trail names who did what, so reading it is itself on the trail (recorded after the page is read). */
  async list(user: AuthUser, query: AuditQuery): Promise<AuditPageResponse> {
    return this.dataSource.transaction(async (m) => {
      const [events, total] = await m.getRepository(AuditEvent).findAndCount({
        where: query.action ? { action: query.action } : {},
        order: { id: 'DESC' },
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      });
      await this.record(m, {
        action: 'audit.viewed',
        entityType: 'audit_event',
        actorUserId: user.id,
        details: { action: query.action ?? null, page: query.page, shown: events.length },
      });
      return { items: events.map(toAuditEventResponse), total, page: query.page, pageSize: query.pageSize };
    });
  }
}
