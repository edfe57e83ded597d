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
