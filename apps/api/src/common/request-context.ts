import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface RequestContext {
  requestId: string;
  /** Who is calling, for the sessions list (User-Agent and address as Express sees them). */
  client?: ClientInfo;
}

export interface ClientInfo {
  userAgent: string | null;
  address: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's request id when it is well-formed, otherwise makes a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}

export function runWithRequestId<T>(requestId: string, fn: () => T, client?: ClientInfo): T {
  return storage.run({ requestId, client }, fn);
}

export function currentClient(): ClientInfo | undefined {
  return storage.getStore()?.client;
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
