import { Injectable } from '@nestjs/common';
import { maskName } from '@cll/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { currentCountyTimeZone } from '../common/date-only.js';
import { currentRequestId } from '../common/request-context.js';
import { AuditEvent } from './audit-event.entity.js';
import {
  type AuditEventResponse,
  type AuditPageResponse,
  AuditPersonKind,
  type AuditPersonResponse,
  type AuditQuery,
} from './audit.dto.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  actorUserId?: string | null;
  onBehalfOfUserId?: string | null;
  /** Never personal identifiers: ids, codes and counts only. */
  details?: Record<string, unknown>;
}

interface EventRow {
  id: string;
  at: Date;
  actorUserId: string | null;
  onBehalfOfUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/**
 * The WHERE clause of a trail query and its parameters. Dates are whole days in the county's time zone: `from` at
 * its 00:00, `to` until the next day's 00:00 (half-open), whatever the server's zone.
 */
export function auditFilter(query: AuditQuery, timeZone: string): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(`$${params.length}`));
  };
  if (query.action) add((p) => `e.action = ${p}`, query.action);
  if (query.actor) add((p) => `e.actor_user_id = ${p}::uuid`, query.actor);
  if (query.entityType) add((p) => `e.entity_type = ${p}`, query.entityType);
  if (query.entityId) add((p) => `e.entity_id = ${p}`, query.entityId);
  if (query.from || query.to) params.push(timeZone);
  const zone = `$${params.length}`;
  if (query.from) add((p) => `e.at >= (${p}::date)::timestamp AT TIME ZONE ${zone}`, query.from);
  if (query.to) add((p) => `e.at < (${p}::date + 1)::timestamp AT TIME ZONE ${zone}`, query.to);
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
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
    const { where, params } = auditFilter(query, currentCountyTimeZone());
    return this.dataSource.transaction(async (m) => {
      const offset = (query.page - 1) * query.pageSize;
      const events: EventRow[] = await m.query(
        `SELECT e.id, e.at, e.actor_user_id AS "actorUserId", e.on_behalf_of_user_id AS "onBehalfOfUserId",
                e.action, e.entity_type AS "entityType", e.entity_id AS "entityId", e.request_id AS "requestId",
                e.details
           FROM audit_events e ${where}
          ORDER BY e.id DESC
          LIMIT ${query.pageSize} OFFSET ${offset}`,
        params,
      );
      const [{ total }] = await m.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM audit_events e ${where}`,
        params,
      );
      const types = await m.query<Array<{ entityType: string }>>(
        `SELECT DISTINCT entity_type AS "entityType" FROM audit_events ORDER BY 1`,
      );
      const ids = new Set<string>();
      for (const e of events) {
        if (e.actorUserId) ids.add(e.actorUserId);
        if (e.onBehalfOfUserId) ids.add(e.onBehalfOfUserId);
      }
      if (query.actor) ids.add(query.actor);
      const people = await this.people(m, [...ids]);
      await this.record(m, {
        action: 'audit.viewed',
        entityType: 'audit_event',
        actorUserId: user.id,
        details: {
          action: query.action ?? null,
          actor: query.actor ?? null,
          entityType: query.entityType ?? null,
          entityId: query.entityId ?? null,
          from: query.from ?? null,
          to: query.to ?? null,
          page: query.page,
          shown: events.length,
        },
      });
      const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
      return {
        items: events.map((e): AuditEventResponse => ({
          id: String(e.id),
          at: e.at.toISOString(),
          actorUserId: e.actorUserId,
          actor: person(e.actorUserId),
          onBehalfOfUserId: e.onBehalfOfUserId,
          onBehalfOf: person(e.onBehalfOfUserId),
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          requestId: e.requestId,
          details: e.details,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
        entityTypes: types.map((t) => t.entityType),
        actorFilter: person(query.actor ?? null),
      };
    });
  }

  /**
   * The accounts named on a page, as the bureau administrator may see them: staff (anyone with a role besides
   * learner) by their full name, as the bureau sees them on its other screens; residents masked, as on public
   * pages. Never a mobile, an e-mail or an ID number.
   */
  private async people(m: EntityManager, ids: string[]): Promise<Map<string, AuditPersonResponse>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; name: string; staff: boolean }> = await m.query(
      `SELECT u.id, u.name,
              EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND r.role <> 'learner') AS staff
         FROM users u WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, toPerson(r)]));
  }
}

export function toPerson(row: { id: string; name: string; staff: boolean }): AuditPersonResponse {
  return row.staff
    ? { id: row.id, name: row.name, masked: false, kind: AuditPersonKind.Staff }
    : { id: row.id, name: maskName(row.name), masked: true, kind: AuditPersonKind.Resident };
}
