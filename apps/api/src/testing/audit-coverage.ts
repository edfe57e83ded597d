import type { DataSource } from 'typeorm';
import { UNAUDITED_WRITES } from '../audit/audit-policy.js';

interface RequestLine {
  msg?: string;
  method?: string;
  route?: string;
  status?: number;
  requestId?: string;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every write the API acknowledged (2xx) during a test app's life must have left at least one audit event with the
 * request's id, unless the route is listed in UNAUDITED_WRITES with its reason. Returns the routes that did not.
 */
export async function unauditedWrites(db: DataSource, logs: string[]): Promise<string[]> {
  const writes = new Map<string, string>();
  for (const line of logs) {
    if (!line.includes('"msg":"request"')) continue;
    const entry = JSON.parse(line) as RequestLine;
    if (!entry.requestId || !entry.method || !WRITE_METHODS.has(entry.method)) continue;
    if (!entry.status || entry.status < 200 || entry.status >= 300) continue;
    const route = `${entry.method} ${entry.route}`;
    if (route in UNAUDITED_WRITES) continue;
    writes.set(entry.requestId, route);
  }
  if (!writes.size) return [];
  const rows: Array<{ request_id: string }> = await db.query(
    `SELECT DISTINCT request_id FROM audit_events WHERE request_id = ANY($1::text[])`,
    [[...writes.keys()]],
  );
  const audited = new Set(rows.map((r) => r.request_id));
  return [...new Set([...writes].filter(([id]) => !audited.has(id)).map(([, route]) => route))].sort();
}
