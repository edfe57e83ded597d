import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };
/** Request and response shapes of the API, by OpenAPI schema name. */
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Bearer access token of the signed-in user. */
  accessToken?: string;
  /** Forwarded so API logs and web logs share one request id. */
  requestId?: string;
  /** Preferred language for API messages. */
  locale?: string;
  fetch?: typeof globalThis.fetch;
}

/** A typed client for the platform API; `baseUrl` is the API origin, e.g. http://127.0.0.1:3000. */
export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  const headers: Record<string, string> = {};
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  if (options.requestId) headers['x-request-id'] = options.requestId;
  if (options.locale) headers['accept-language'] = options.locale;
  return createClient<paths>({ baseUrl, headers, fetch: options.fetch });
}
