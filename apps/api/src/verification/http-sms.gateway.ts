import { SmsSendError, type SmsGateway } from './sms.gateway.js';

/**
 * Posts `{ to, text }` as JSON to the county's SMS provider (or a small relay in front of it), with
 * `Authorization: Bearer <SMS_HTTP_TOKEN>` when a token is set. Any answer other than 2xx, a network error or a
 * timeout is a failure.
 */
export class HttpSmsGateway implements SmsGateway {
  readonly name = 'http' as const;

  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs: number,
  ) {}

  async send(mobile: string, text: string): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({ to: mobile, text }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new SmsSendError(`SMS gateway unreachable: ${(error as Error).name}`);
    }
    await response.body?.cancel();
    if (!response.ok) throw new SmsSendError(`SMS gateway answered ${response.status}`);
  }
}
