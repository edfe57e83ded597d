import type { DevSmsGateway } from '../verification/dev-sms.gateway.js';
import { SMS_GATEWAY } from '../verification/sms.gateway.js';
import type { TestApp } from './test-app.js';

/** The code in the newest text the development gateway "sent" to this number. */
export function lastCode(t: TestApp, mobile: string): string {
  const code = t.app.get<DevSmsGateway>(SMS_GATEWAY).lastCode(mobile);
  if (!code) throw new Error(`no code was texted to ${mobile}`);
  return code;
}

/** The resident at `learnerMobile` confirms that the proxy may act for them (code by SMS, read out to the proxy). */
export async function confirmProxy(
  t: TestApp,
  proxyToken: string,
  learnerMobile: string,
  relationship: 'family' | 'village_worker' | 'other' = 'family',
): Promise<{ id: string }> {
  const asked = await t.http
    .post('/api/proxy/relationships/consent-requests')
    .auth(proxyToken, { type: 'bearer' })
    .send({ learnerMobile });
  if (asked.status !== 200) throw new Error(`consent request: ${asked.status} ${JSON.stringify(asked.body)}`);
  const res = await t.http
    .post('/api/proxy/relationships')
    .auth(proxyToken, { type: 'bearer' })
    .send({
      challengeId: asked.body.challengeId,
      code: lastCode(t, learnerMobile),
      learnerMobile,
      relationship,
    });
  if (res.status !== 201) throw new Error(`consent confirm: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
