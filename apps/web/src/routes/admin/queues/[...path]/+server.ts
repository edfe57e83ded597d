import { ErrorCode } from '@cll/domain';
import { json, redirect, type RequestHandler } from '@sveltejs/kit';
import { apiBaseUrl } from '$lib/server/api.js';

/**
 * The queue dashboard (@bull-board, served by the API at /api/admin/queues for bureau_admin only), passed through
 * for the signed-in user: the browser never holds the token, so this server adds it. The API decides who may see
 * it. The page keeps the site's content security policy (SvelteKit sets it for its own pages only, so it is set
 * here): the dashboard's scripts and styles are files from this origin, its config a JSON script block.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

const proxy: RequestHandler = async (event) => {
  const { locals, request, url } = event;
  const path = url.pathname.slice('/admin/queues'.length).replace(/^\//, '');
  const reading = request.method === 'GET' || request.method === 'HEAD';
  if (!locals.user || !locals.accessToken) {
    if (reading && !path.startsWith('api/')) {
      redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
    }
    return json(
      { code: ErrorCode.AuthRequired, message: 'Sign in to continue.', requestId: locals.requestId },
      { status: 401 },
    );
  }
  // Actions (retry, clean, pause) only from this site's own pages. The session cookies are SameSite=Lax already;
  // this also covers requests SvelteKit's CSRF check leaves alone (JSON bodies, no body at all).
  if (!reading && request.headers.get('origin') !== url.origin) {
    return json(
      { code: ErrorCode.Forbidden, message: 'Cross-site request refused.', requestId: locals.requestId },
      { status: 403 },
    );
  }
  const headers: Record<string, string> = {
    authorization: `Bearer ${locals.accessToken}`,
    'x-request-id': locals.requestId,
    'x-forwarded-for': event.getClientAddress(),
    accept: request.headers.get('accept') ?? '*/*',
  };
  const contentType = request.headers.get('content-type');
  if (contentType) headers['content-type'] = contentType;
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}/api/admin/queues/${path}${url.search}`, {
      method: request.method,
      headers,
      body: reading ? undefined : await request.arrayBuffer(),
    });
  } catch {
    return json(
      { code: ErrorCode.ServiceUnavailable, message: 'API unreachable', requestId: locals.requestId },
      { status: 503 },
    );
  }
  const isAsset = path.startsWith('static/') && upstream.ok;
  return new Response(upstream.body, {
    status: upstream.status,
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      // Asset names carry a content hash; everything else is live data for one administrator.
      'cache-control': isAsset ? 'private, max-age=86400' : 'private, no-store',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-request-id': locals.requestId,
    },
  });
};

export const GET = proxy;
export const POST = proxy;
export const PUT = proxy;
export const PATCH = proxy;
export const DELETE = proxy;
