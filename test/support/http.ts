import type { ChildProcess } from 'node:child_process';
import { ResponseContract } from '../../apps/api/src/testing/response-contract.js';
import { passSecondFactor } from './second-factor.js';

let contract: ResponseContract | undefined;

/**
 * Small JSON-over-HTTP helpers for the end-to-end specs that drive several API processes. `call` checks each
 * answer against libs/api-client/openapi.json (status, content type, body schema, error code) and throws when
 * it breaks the document.
 */
export interface JsonResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
  body: any;
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    // A test never hangs on a server that stopped answering (the fault tests stop servers on purpose).
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  // Every answer the end-to-end suites receive from the built API must keep the committed OpenAPI document.
  contract ??= ResponseContract.committed();
  const broken = contract.check({
    method,
    url: path,
    status: res.status,
    contentType: res.headers.get('content-type') ?? undefined,
    body: text,
  });
  if (broken) throw new Error(`the answer breaks the OpenAPI document: ${broken}`);
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (metrics, HTML)
  }
  return { status: res.status, body };
}

export const DEMO_PASSWORD = 'Demo2026!';
/** The demo accounts by role (seeded by `seed-cli`). */
export const DEMO_LOGIN = {
  learner: '13800000001',
  providerStaff: '13800000002',
  providerAdmin: '13800000003',
  bureauAnalyst: '13800000005',
  bureauAdmin: '13800000006',
} as const;

export async function login(
  baseUrl: string,
  who: string,
): Promise<{ token: string; refresh: string; id: string }> {
  const res = await call(baseUrl, 'POST', '/api/auth/login', {
    body: { login: who, password: DEMO_PASSWORD },
  });
  if (res.status !== 200) throw new Error(`login ${who}: ${res.status} ${JSON.stringify(res.body)}`);
  // Staff accounts pass their authenticator (set up on the first sign-in on this stack).
  await passSecondFactor(baseUrl, who, res.body.accessToken, res.body.secondFactor);
  return { token: res.body.accessToken, refresh: res.body.refreshToken, id: res.body.user.id };
}

/** Polls `probe` every 100 ms until it gives a value other than undefined or false. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
