import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ web: true });
});
afterAll(() => stack?.stop());

describe('security headers and cross-site form posts, on the built processes', () => {
  it('sends a content security policy and the usual hardening headers from the web app', async () => {
    const res = await fetch(`${stack.webUrl}/courses`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
  });

  it('sends hardening headers from the API and no framework banner', async () => {
    const res = await fetch(`${stack.apiUrl}/api/geo/townships`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Public answers may be cached; a signed-in caller's are not kept anywhere.
    expect(res.headers.get('cache-control')).toBeNull();
    const login = await fetch(`${stack.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: '13800000001', password: 'Demo2026!' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = await fetch(`${stack.apiUrl}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.headers.get('cache-control')).toBe('private, no-store');
  });

  it('keeps a signed-in user’s pages out of caches, and lets public pages be cached', async () => {
    const form = new URLSearchParams({ login: '13800000001', password: 'Demo2026!' });
    const signIn = await fetch(`${stack.webUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.webUrl },
      body: form,
      redirect: 'manual',
    });
    const cookies = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(cookies).toContain('=');
    const page = await fetch(`${stack.webUrl}/learn`, { headers: { cookie: cookies }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const publicPage = await fetch(`${stack.webUrl}/courses`);
    expect(publicPage.headers.get('cache-control')).toBeNull();
  });

  it('refuses a form post from another site (CSRF) and takes the same post from its own pages', async () => {
    const body = new URLSearchParams({ login: '13800000001', password: 'Demo2026!' });
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const foreign = await fetch(`${stack.webUrl}/login`, {
      method: 'POST',
      headers: { ...headers, origin: 'https://evil.example' },
      body,
      redirect: 'manual',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
    const own = await fetch(`${stack.webUrl}/login`, {
      method: 'POST',
      headers: { ...headers, origin: new URL(stack.webUrl).origin },
      body,
      redirect: 'manual',
    });
    expect([200, 303]).toContain(own.status);
    expect(own.headers.get('set-cookie')).toMatch(/.+/);
  });
});
