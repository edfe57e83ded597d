import { apiBaseUrl } from './api.js';

/**
 * The issuer's public documents (keys, profile, revocation lists) under the public origin, where credentials point:
 * passed through from the API unchanged, with its content type and caching.
 */
export async function passPublicDocument(path: string): Promise<Response> {
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}${path}`);
  } catch {
    return Response.json({ code: 'SERVICE_UNAVAILABLE', message: 'API unreachable' }, { status: 503 });
  }
  const headers = new Headers({
    'content-type': upstream.headers.get('content-type') ?? 'application/json',
    'access-control-allow-origin': '*',
  });
  const cache = upstream.headers.get('cache-control');
  if (cache) headers.set('cache-control', cache);
  return new Response(upstream.body, { status: upstream.status, headers });
}
