import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from './index.js';

let server: Server;
let baseUrl: string;
let seen: { method?: string; url?: string; headers?: IncomingHttpHeaders; body?: string } = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen = { method: req.method, url: req.url, headers: req.headers, body };
      res.setHeader('content-type', 'application/json');
      if (req.url === '/api/me') {
        res.statusCode = 401;
        res.end(
          JSON.stringify({ code: 'AUTH_REQUIRED', message: 'Sign in to continue.', requestId: 'r-12345678' }),
        );
        return;
      }
      res.end(JSON.stringify([{ code: '339901101000', name: '城关街道', nameEn: 'Chengguan Subdistrict' }]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createApiClient', () => {
  it('sends the bearer token, request id and language, and returns typed data', async () => {
    const client = createApiClient(baseUrl, {
      accessToken: 'tok-1',
      requestId: 'req-12345678',
      locale: 'en',
    });
    const { data } = await client.GET('/api/geo/townships');
    expect(data?.[0].nameEn).toBe('Chengguan Subdistrict');
    expect(seen.headers).toMatchObject({
      authorization: 'Bearer tok-1',
      'x-request-id': 'req-12345678',
      'accept-language': 'en',
    });
  });

  it('gives the API error body on failure and sends no authorization header without a token', async () => {
    const { data, error, response } = await createApiClient(baseUrl).GET('/api/me');
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 'AUTH_REQUIRED', requestId: 'r-12345678' });
    expect(seen.headers?.authorization).toBeUndefined();
  });

  it('serialises request bodies as JSON', async () => {
    await createApiClient(baseUrl).POST('/api/auth/login', { body: { login: '13800000001', password: 'x' } });
    expect(seen).toMatchObject({ method: 'POST', url: '/api/auth/login' });
    expect(JSON.parse(seen.body ?? '')).toEqual({ login: '13800000001', password: 'x' });
  });
});
