import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../support/http.js';
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ separateWorker: true });
});
afterAll(() => stack?.stop());

async function post(path: string, body: unknown, token?: string) {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
}

describe('built API and worker as separate processes', () => {
  it('migrates and seeds the demo county, and signs in every demo account', async () => {
    const townships = await (await fetch(`${stack.apiUrl}/api/geo/townships`)).json();
    expect(townships).toHaveLength(12);
    const [{ n }] = await stack.query<{ n: number }>('SELECT count(*)::int AS n FROM villages');
    expect(n).toBe(60);
    const roles: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const login = await post('/api/auth/login', { login: `1380000000${i}`, password: 'Demo2026!' });
      expect(login.status).toBe(200);
      roles.push(login.body.user.roles[0].role);
    }
    expect(roles).toEqual([
      'learner',
      'provider_staff',
      'provider_admin',
      'enterprise_mentor',
      'bureau_analyst',
      'bureau_admin',
    ]);
  });

  it('delivers the welcome notification through the separate worker process', async () => {
    const townshipCode = '339901103000';
    const reg = await post('/api/auth/register', {
      name: '孙奶奶',
      mobile: '13912340001',
      password: 'Learn2026ok',
      birthDate: '1950-10-01',
      sex: 'female',
      townshipCode,
      villageCode: '339901103202',
      attainment: 'primary',
      employmentStatus: 'retired',
    });
    expect(reg.status).toBe(201);
    const deadline = Date.now() + 20_000;
    let items: unknown[] = [];
    while (Date.now() < deadline && items.length === 0) {
      const res = await fetch(`${stack.apiUrl}/api/me/notifications`, {
        headers: { authorization: `Bearer ${reg.body.accessToken}` },
      });
      items = ((await res.json()) as { items: unknown[] }).items;
      if (!items.length) await new Promise((r) => setTimeout(r, 200));
    }
    expect(items).toMatchObject([{ kind: 'welcome', params: { name: '孙奶奶' } }]);
    // The notification is stored before the worker's batched log line for the job is written.
    const done = await until('the worker logs the job as done', () =>
      Promise.resolve(
        stack.output.some((l) => l.startsWith('[worker]') && l.includes('"msg":"job done"')) || undefined,
      ),
    );
    expect(done).toBe(true);
  });

  it('writes structured JSON logs with request ids and never the password', async () => {
    await post('/api/auth/login', { login: '13800000001', password: 'wrong-Password-1' });
    const apiLines = stack.output.filter((l) => l.startsWith('[api] {')).map((l) => JSON.parse(l.slice(6)));
    const requests = apiLines.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.every((l) => typeof l.requestId === 'string' && l.route)).toBe(true);
    expect(stack.output.join('\n')).not.toContain('wrong-Password-1');
    expect(stack.output.join('\n')).not.toContain('Demo2026!');
  });
});
