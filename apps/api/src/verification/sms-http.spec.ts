import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBody } from '../testing/builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { HttpSmsGateway } from './http-sms.gateway.js';
import { SmsSendError } from './sms.gateway.js';

/** A stand-in for the county's SMS provider: records what it was sent and answers as told. */
interface Received {
  authorization: string | undefined;
  body: { to: string; text: string };
}
let stub: Server;
let stubUrl: string;
const received: Received[] = [];
let answer: { status: number; delayMs: number } = { status: 200, delayMs: 0 };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => resolve(data));
  });
}

beforeAll(async () => {
  stub = createServer((req, res) => {
    void readBody(req).then((raw) => {
      received.push({ authorization: req.headers.authorization, body: JSON.parse(raw) as Received['body'] });
      setTimeout(() => {
        res.statusCode = answer.status;
        res.end('{}');
      }, answer.delayMs);
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/send`;
});
afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())));

describe('HTTP SMS gateway against a local stub provider', () => {
  it('posts { to, text } with the bearer token and resolves on 2xx', async () => {
    answer = { status: 200, delayMs: 0 };
    await new HttpSmsGateway(stubUrl, 'tok-123', 2000).send('13900001111', '验证码 123456');
    expect(received.at(-1)).toEqual({
      authorization: 'Bearer tok-123',
      body: { to: '13900001111', text: '验证码 123456' },
    });
  });

  it('rejects on a non-2xx answer, on a timeout and when nothing listens', async () => {
    answer = { status: 502, delayMs: 0 };
    await expect(new HttpSmsGateway(stubUrl, undefined, 2000).send('13900001111', 'x')).rejects.toThrow(
      /answered 502/,
    );
    answer = { status: 200, delayMs: 500 };
    await expect(new HttpSmsGateway(stubUrl, undefined, 100).send('13900001111', 'x')).rejects.toBeInstanceOf(
      SmsSendError,
    );
    await expect(
      new HttpSmsGateway('http://127.0.0.1:9/none', undefined, 500).send('13900001111', 'x'),
    ).rejects.toThrow(/unreachable/);
    answer = { status: 200, delayMs: 0 };
  });
});

describe('the API with the HTTP gateway', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      SMS_GATEWAY: 'http',
      SMS_HTTP_URL: stubUrl,
      SMS_HTTP_TOKEN: 'county-token',
      SMS_HTTP_TIMEOUT_MS: '1000',
      SMS_SIGNATURE: '某县学习网',
      // Registration by code has its own spec; here accounts are made directly.
      REGISTRATION_CODE_REQUIRED: 'false',
      RATE_LIMIT_REGISTRATIONS_PER_IP: '1000',
      RATE_LIMIT_LOGIN_SPRAY_ADDRESSES: '2',
      RATE_LIMIT_CODES_PER_MOBILE: '2',
      RATE_LIMIT_CODES_PER_IP: '3',
    });
  });
  afterAll(() => t?.close());

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  async function sprayedOwner() {
    const body = registerBody();
    await t.http.post('/api/auth/register').send(body).expect(201);
    for (const ip of ['192.0.2.1', '192.0.2.2']) {
      await t.http
        .post('/api/auth/login')
        .set(from(ip))
        .send({ login: body.mobile, password: 'wrong-pass1' });
    }
    return body as { mobile: string; password: string };
  }

  it('texts the step-up code through the provider, signed, and the code signs in', async () => {
    const o = await sprayedOwner();
    const res = await t.http
      .post('/api/auth/login')
      .set(from('192.0.2.10'))
      .send({ login: o.mobile, password: o.password });
    expect(res.body.code).toBe('AUTH_STEP_UP_REQUIRED');
    const message = received.at(-1) as Received;
    expect(message.authorization).toBe('Bearer county-token');
    expect(message.body.to).toBe(o.mobile);
    expect(message.body.text.startsWith('【某县学习网】')).toBe(true);
    const code = /\d{6}/.exec(message.body.text)?.[0];
    const ok = await t.http.post('/api/auth/login/step-up').send({ challengeId: res.body.challengeId, code });
    expect(ok.status).toBe(200);
    // The development page does not exist with a real gateway.
    expect((await t.http.get('/api/dev/sms')).status).toBe(404);
  });

  it('limits codes per number (2 an hour here) and per address (3 an hour)', async () => {
    const o = await sprayedOwner();
    const ask = (ip: string) =>
      t.http.post('/api/auth/login').set(from(ip)).send({ login: o.mobile, password: o.password });
    expect((await ask('192.0.2.20')).body.code).toBe('AUTH_STEP_UP_REQUIRED');
    expect((await ask('192.0.2.21')).body.code).toBe('AUTH_STEP_UP_REQUIRED');
    const third = await ask('192.0.2.22');
    expect([third.status, third.body.code]).toEqual([429, 'RATE_LIMITED']);

    // One address asking for codes for three different numbers, then a fourth.
    const owners = [await sprayedOwner(), await sprayedOwner(), await sprayedOwner(), await sprayedOwner()];
    const codes = [];
    for (const x of owners) {
      codes.push(
        (
          await t.http
            .post('/api/auth/login')
            .set(from('192.0.2.30'))
            .send({ login: x.mobile, password: x.password })
        ).body.code,
      );
    }
    expect(codes).toEqual([
      'AUTH_STEP_UP_REQUIRED',
      'AUTH_STEP_UP_REQUIRED',
      'AUTH_STEP_UP_REQUIRED',
      'RATE_LIMITED',
    ]);
  });

  it('answers 503 SMS_UNAVAILABLE when the provider fails', async () => {
    const o = await sprayedOwner();
    answer = { status: 500, delayMs: 0 };
    try {
      const res = await t.http
        .post('/api/auth/login')
        .set(from('192.0.2.40'))
        .send({ login: o.mobile, password: o.password });
      expect([res.status, res.body.code]).toEqual([503, 'SMS_UNAVAILABLE']);
    } finally {
      answer = { status: 200, delayMs: 0 };
    }
  });
});
