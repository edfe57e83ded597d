import { env } from '$env/dynamic/private';
import { ErrorCode } from '@cll/domain';
import { createApiClient, type ApiClient } from '@cll/api-client';
import type { RequestEvent } from '@sveltejs/kit';

export function apiBaseUrl(): string {
  return (env.API_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
}

/**
 * A typed API client for this request, carrying the user's token, the request id and the language.
 * A network failure comes back as an ordinary 503 SERVICE_UNAVAILABLE response, so callers handle one error shape.
 */
export function api(event: RequestEvent, accessToken: string | null = event.locals.accessToken): ApiClient {
  const { requestId, locale } = event.locals;
  const clientAddress = event.getClientAddress();
  const userAgent = event.request.headers.get('user-agent');
  const fetchOr503: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    // Every call reaches the API from this server: name the resident's address so the API's per-address limits
    // (login failures, registrations) apply to them, not to everyone at once. The API trusts it with TRUST_PROXY.
    request.headers.set('x-forwarded-for', clientAddress);
    // The resident's browser, for the list of signed-in devices (otherwise every session would read "App").
    if (userAgent) request.headers.set('user-agent', userAgent);
    try {
      // The global fetch, not event.fetch: event.fetch would pass the browser's cookies on to an API that shares
      // the web's host name, and the API takes tokens from the Authorization header only.
      return await fetch(request);
    } catch (cause) {
      console.error(JSON.stringify({ msg: 'API unreachable', requestId, cause: String(cause) }));
      return Response.json(
        { code: ErrorCode.ServiceUnavailable, message: 'API unreachable', requestId },
        { status: 503 },
      );
    }
  };
  return createApiClient(apiBaseUrl(), {
    accessToken: accessToken ?? undefined,
    requestId,
    locale,
    fetch: fetchOr503,
  });
}
