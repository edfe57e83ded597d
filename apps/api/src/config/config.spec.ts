import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const key = () => randomBytes(32).toString('base64');
const base = () => ({
  JWT_SECRET: randomBytes(32).toString('hex'),
  PII_ENCRYPTION_KEY: key(),
  PII_HASH_KEY: key(),
  CREDENTIAL_SIGNING_KEY: key(),
});

describe('loadConfig', () => {
  it('gives safe local defaults for everything but secrets', () => {
    const config = loadConfig(base());
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      redisUrl: 'redis://127.0.0.1:6379',
      workerInProcess: true,
    });
    expect(config.piiEncryptionKey).toHaveLength(32);
  });

  it('stops with a message naming a bad variable', () => {
    expect(() => loadConfig({ ...base(), PORT: 'eighty' })).toThrow(
      /PORT must be an integer from 0 to 65535 \(got "eighty"\)/,
    );
    expect(() => loadConfig({ ...base(), DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a URL/);
    expect(() => loadConfig({ ...base(), WORKER_IN_PROCESS: 'maybe' })).toThrow(
      /WORKER_IN_PROCESS must be true or false/,
    );
    expect(() => loadConfig({ ...base(), NODE_ENV: 'staging' })).toThrow(/NODE_ENV must be one of/);
  });

  it('never echoes a database password in its message', () => {
    expect(() => loadConfig({ ...base(), DATABASE_URL: 'http://app:s3cret@db/x' })).toThrow(/app:\*\*\*@/);
    expect(() => loadConfig({ ...base(), DATABASE_URL: 'http://app:s3cret@db/x' })).not.toThrow(/s3cret/);
  });

  it('refuses missing or short secrets', () => {
    expect(() => loadConfig({ ...base(), JWT_SECRET: undefined })).toThrow(
      /Missing configuration: JWT_SECRET/,
    );
    expect(() => loadConfig({ ...base(), JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32/);
    expect(() => loadConfig({ ...base(), PII_HASH_KEY: undefined })).toThrow(
      /Missing configuration: PII_HASH_KEY/,
    );
    expect(() => loadConfig({ ...base(), PII_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(
      /PII_ENCRYPTION_KEY must be base64 of exactly 32 bytes/,
    );
  });

  it('trusts forwarded addresses from loopback only, unless told otherwise', () => {
    expect(loadConfig(base()).trustProxy).toBe('loopback');
    expect(loadConfig({ ...base(), TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base(), TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(() => loadConfig({ ...base(), TRUST_PROXY: 'a;b' })).toThrow(/TRUST_PROXY must be/);
  });

  it('runs the worker in a separate process by default in production', () => {
    expect(
      loadConfig({
        ...base(),
        NODE_ENV: 'production',
        PUBLIC_ORIGIN: 'https://learn.example.gov.cn',
        SMS_HTTP_URL: 'https://sms.example.cn/send',
      }).workerInProcess,
    ).toBe(false);
  });

  it('needs the credential signing key everywhere and the public origin in production', () => {
    expect(() => loadConfig({ ...base(), CREDENTIAL_SIGNING_KEY: undefined })).toThrow(
      /Missing configuration: CREDENTIAL_SIGNING_KEY/,
    );
    expect(() => loadConfig({ ...base(), CREDENTIAL_SIGNING_KEY: key().slice(0, 20) })).toThrow(
      /CREDENTIAL_SIGNING_KEY must be base64 of exactly 32 bytes/,
    );
    expect(() =>
      loadConfig({ ...base(), NODE_ENV: 'production', SMS_HTTP_URL: 'https://sms.example.cn/send' }),
    ).toThrow(/Missing configuration: PUBLIC_ORIGIN/);
    expect(() =>
      loadConfig({
        ...base(),
        NODE_ENV: 'production',
        PUBLIC_ORIGIN: 'http://learn.example.gov.cn',
        SMS_HTTP_URL: 'https://sms.example.cn/send',
      }),
    ).toThrow(/https origin in production/);
    expect(() => loadConfig({ ...base(), PUBLIC_ORIGIN: 'https://learn.example.gov.cn/verify' })).toThrow(
      /PUBLIC_ORIGIN must be an origin/,
    );
    expect(() => loadConfig({ ...base(), PUBLIC_ORIGIN: '学习平台' })).toThrow(
      /PUBLIC_ORIGIN must be an origin/,
    );
    expect(loadConfig({ ...base(), PUBLIC_ORIGIN: 'https://learn.example.gov.cn/' }).publicOrigin).toBe(
      'https://learn.example.gov.cn',
    );
    expect(loadConfig(base()).publicOrigin).toBe('http://127.0.0.1:5173');
  });

  it('stops in 25 s and runs the nightly schedules at county night by default, all overridable', () => {
    expect(loadConfig(base())).toMatchObject({
      shutdownTimeoutMs: 25_000,
      metricsToken: undefined,
      workerMetricsPort: undefined,
      schedules: {
        pruneRateLimitsEveryMs: 3_600_000,
        recomputeIndicatorsCron: '30 2 * * *',
        timeZone: 'Asia/Shanghai',
      },
    });
    const custom = loadConfig({
      ...base(),
      SHUTDOWN_TIMEOUT_MS: '5000',
      METRICS_TOKEN: 'scrape-token-0123456789',
      WORKER_METRICS_PORT: '9464',
      INDICATORS_RECOMPUTE_CRON: '*/3 * * * * *',
      SCHEDULE_TIME_ZONE: 'UTC',
    });
    expect(custom).toMatchObject({
      shutdownTimeoutMs: 5000,
      metricsToken: 'scrape-token-0123456789',
      workerMetricsPort: 9464,
      schedules: { recomputeIndicatorsCron: '*/3 * * * * *', timeZone: 'UTC' },
    });
  });

  it('refuses a short metrics token without echoing it, a bad cron and an unknown time zone', () => {
    expect(() => loadConfig({ ...base(), METRICS_TOKEN: 'short-secret' })).toThrow(/METRICS_TOKEN must be/);
    expect(() => loadConfig({ ...base(), METRICS_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
    expect(() => loadConfig({ ...base(), INDICATORS_RECOMPUTE_CRON: '30 2 * *' })).toThrow(
      /INDICATORS_RECOMPUTE_CRON must be a cron expression/,
    );
    expect(() => loadConfig({ ...base(), INDICATORS_RECOMPUTE_CRON: '30 2 * * * ; rm' })).toThrow(
      /INDICATORS_RECOMPUTE_CRON/,
    );
    expect(() => loadConfig({ ...base(), SCHEDULE_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      /SCHEDULE_TIME_ZONE must be an IANA time zone/,
    );
    expect(() => loadConfig({ ...base(), WORKER_METRICS_PORT: '0' })).toThrow(/WORKER_METRICS_PORT/);
  });

  it('lists the API at its own address unless API_PUBLIC_URL says where integrators reach it', () => {
    expect(loadConfig({ ...base(), PORT: '3125' }).apiPublicUrl).toBe('http://127.0.0.1:3125');
    expect(loadConfig({ ...base(), API_PUBLIC_URL: 'https://xuexi.example.gov.cn/' }).apiPublicUrl).toBe(
      'https://xuexi.example.gov.cn',
    );
    expect(() => loadConfig({ ...base(), API_PUBLIC_URL: 'ftp://files.example.cn' })).toThrow(
      /API_PUBLIC_URL must be a URL \(http: or https:\)/,
    );
    expect(() => loadConfig({ ...base(), API_PUBLIC_URL: 'https://u:pw@api.example.cn' })).toThrow(
      /API_PUBLIC_URL must be a base URL without credentials/,
    );
    expect(() => loadConfig({ ...base(), API_PUBLIC_URL: 'https://u:pw@api.example.cn' })).not.toThrow(/pw/);
  });

  it('refuses the development SMS gateway in production and needs the HTTP one’s address', () => {
    expect(loadConfig(base()).sms).toEqual({ gateway: 'dev' });
    expect(() =>
      loadConfig({
        ...base(),
        NODE_ENV: 'production',
        SMS_GATEWAY: 'dev',
        PUBLIC_ORIGIN: 'https://learn.example.gov.cn',
      }),
    ).toThrow(/SMS_GATEWAY=dev .* refused in production/);
    expect(() =>
      loadConfig({ ...base(), NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://learn.example.gov.cn' }),
    ).toThrow(/Missing configuration: SMS_HTTP_URL/);
    expect(() => loadConfig({ ...base(), SMS_GATEWAY: 'http', SMS_HTTP_URL: 'ftp://x' })).toThrow(
      /SMS_HTTP_URL must be a URL/,
    );
    expect(
      loadConfig({
        ...base(),
        SMS_GATEWAY: 'http',
        SMS_HTTP_URL: 'https://sms.example.cn/send',
        SMS_HTTP_TOKEN: 'secret',
      }).sms,
    ).toEqual({
      gateway: 'http',
      url: 'https://sms.example.cn/send',
      token: 'secret',
      timeoutMs: 5000,
      signature: '县终身学习平台',
    });
  });
});
