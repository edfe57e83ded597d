import { DEFAULT_COUNTY_TIME_ZONE } from '@cll/domain';
import { ConfigError } from './config-error.js';
import { type PiiKeyring, piiKeyring } from './pii-keys.js';
/**
 * Configuration, read once from the environment and validated at start. A bad value stops the process
 * with a message naming the variable. Every setting has a safe local default, except secrets in production.
 */

export { ConfigError };

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /**
   * Where integrators reach this API (scheme, host, optional path before `/api`), listed as the OpenAPI
   * document's server. Defaults to this process's own address.
   */
  apiPublicUrl: string;
  /** When unset, `npm start` runs an embedded PostgreSQL and fills this in. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  redisUrl: string;
  /** Redis key prefix of the Bull queues; separate deployments (or test runs) sharing a Redis use different ones. */
  queuePrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** 32-byte AES-256-GCM key for personal identifiers: the newest version of `pii.encryption`. */
  piiEncryptionKey: Buffer;
  /** HMAC key for the matching hash of personal identifiers: the newest version of `pii.hash`. */
  piiHashKey: Buffer;
  /** Every configured PII key by version (rotation: the newest writes, all read and match). */
  pii: PiiKeyring & { rotationBatchSize: number };
  /**
   * Ed25519 private key (32-byte seed) that signs Open Badges credentials and the revocation status list. Its public
   * key is kept in the database the first time it signs, so credentials signed before a rotation still verify.
   */
  credentialSigningKey: Buffer;
  /** Where the public reaches the web app: the verification address printed on certificates and the issuer's id. */
  publicOrigin: string;
  /** The issuer's name inside every credential (the county platform). */
  credentialIssuerName: string;
  /** Run the Bull worker (job handlers and outbox relay) inside the HTTP process. */
  workerInProcess: boolean;
  migrateOnStart: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Express `trust proxy`: which hops may set X-Forwarded-For (the web server calls the API from loopback). */
  trustProxy: boolean | string;
  /**
   * Second factor (TOTP). `privileged`: bureau administrators and analysts, provider and enterprise administrators
   * must use one; `all-staff`: every role but learner. Step-up: how long a confirmed code covers the most
   * consequential actions.
   */
  mfa: {
    requiredFor: 'privileged' | 'all-staff';
    stepUpSeconds: number;
    /** Wrong codes one account may enter per window before it must wait. */
    failuresPerWindow: number;
    failureWindowSeconds: number;
    /** The issuer shown in authenticator apps. */
    issuer: string;
  };
  rateLimit: {
    /** Failures one address may make on one account before each further try waits, the wait doubling each time. */
    loginFailuresPerPair: number;
    /** The first wait after those free failures; it doubles with each further failure, up to the window. */
    loginDelaySeconds: number;
    /** Distinct addresses failing on one account within the window that make it "sprayed": sign-in needs an SMS code. */
    loginSprayAddresses: number;
    loginFailuresPerIp: number;
    loginWindowSeconds: number;
    /** One-time codes sent to one mobile number per hour, and requested from one address per hour. */
    codesPerMobile: number;
    codesPerIp: number;
    /** Consent codes one proxy may ask for, and actions (enrolments) one proxy may take, per hour. */
    proxyConsentsPerHour: number;
    proxyActionsPerHour: number;
    registrationsPerIp: number;
    registrationWindowSeconds: number;
  };
  /** How one-time codes reach a mobile: `dev` (log and development page; refused in production) or `http`. */
  sms: SmsConfig;
  /** Registration with a mobile needs the code texted to it. Always in production; by default with the HTTP gateway. */
  registrationCodeRequired: boolean;
  outboxPollMs: number;
  /**
   * Bull's job lock: a worker renews it while a job runs; a job whose worker died is taken up again by another
   * worker within about twice this time (lockDuration and stalledInterval).
   */
  jobLockMs: number;
  /** A font with Chinese glyphs for certificate PDFs (Debian: fonts-noto-cjk). */
  /** The county's time zone: dates people see, "today", and the database session's zone (COUNTY_TIME_ZONE). */
  countyTimeZone: string;
  cjkFontPath: string;
  /** The face inside a font collection (.ttc); empty for a single-font file. */
  cjkFontFamily: string;
  /** How long SIGTERM/SIGINT waits for in-flight requests (API) or active jobs (worker) before closing anyway. */
  shutdownTimeoutMs: number;
  /** Bearer token Prometheus sends to `/metrics`. Unset: open outside production, refused in production. */
  metricsToken: string | undefined;
  /** Port of the worker's own `/metrics` listener (job durations and failures); unset: no listener. */
  workerMetricsPort: number | undefined;
  /** Bull repeatable schedules (shortened in tests; the county's night in production). */
  schedules: {
    pruneRateLimitsEveryMs: number;
    recomputeIndicatorsCron: string;
    timeZone: string;
    /** How often certificates whose PDF failed (a missing font) are tried again. */
    retryPdfsEveryMs: number;
    /** When the reminders of tomorrow's classes are sent (county time); idempotent, so it may run often. */
    classRemindersCron: string;
  };
}

export type SmsConfig =
  | { gateway: 'dev' }
  | { gateway: 'http'; url: string; token: string | undefined; timeoutMs: number; signature: string };

type Env = Record<string, string | undefined>;

function fail(name: string, expected: string, got: string): never {
  throw new ConfigError(`Invalid configuration: ${name} must be ${expected} (got "${got}")`);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(name, `an integer from ${min} to ${max}`, raw);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  return fail(name, 'true or false', raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) fail(name, `one of ${allowed.join(', ')}`, raw);
  return raw as T;
}

function pattern(env: Env, name: string, re: RegExp, expected: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!re.test(raw)) fail(name, expected, raw);
  return raw;
}

function trustProxy(env: Env): boolean | string {
  const raw = env.TRUST_PROXY;
  if (raw === undefined || raw === '') return 'loopback';
  if (['true', 'false'].includes(raw)) return raw === 'true';
  if (!/^[\w.:/, -]+$/.test(raw))
    fail('TRUST_PROXY', 'true, false, or a list like "loopback, 10.0.0.0/8"', raw);
  return raw;
}

function url(env: Env, name: string, protocols: string[], fallback?: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return fail(name, `a URL (${protocols.join(' or ')})`, redact(raw));
  }
  if (!protocols.includes(parsed.protocol)) fail(name, `a URL (${protocols.join(' or ')})`, redact(raw));
  return raw;
}

/** An http(s) base URL without query or fragment; a trailing slash is dropped (paths start with `/`). */
function publicUrl(env: Env, name: string, fallback: string): string {
  const raw = url(env, name, ['http:', 'https:'], fallback) as string;
  const parsed = new URL(raw);
  if (parsed.search || parsed.hash || parsed.username) {
    fail(name, 'a base URL without credentials, query or fragment', redact(raw));
  }
  return raw.replace(/\/+$/, '');
}

function optionalPort(env: Env, name: string): number | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : int(env, name, 0, 1, 65535);
}

function metricsToken(env: Env): string | undefined {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return undefined;
  if (!/^[\x21-\x7e]{16,200}$/.test(raw))
    fail('METRICS_TOKEN', '16 to 200 printable characters without spaces', '***');
  return raw;
}

/** Five cron fields, or six with seconds first (Bull's cron parser takes both). */
function cron(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const fields = raw.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6 || !fields.every((f) => /^[\d*/,-]+$/.test(f))) {
    fail(name, 'a cron expression of 5 fields (or 6 with seconds), digits and * / , - only', raw);
  }
  return fields.join(' ');
}

function timeZone(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
  } catch {
    fail(name, 'an IANA time zone such as Asia/Shanghai', raw);
  }
  return raw;
}

/** An origin only (scheme, host, port): printed on paper, so it must not change with a path or a trailing slash. */
function publicOrigin(env: Env, nodeEnv: AppConfig['nodeEnv']): string {
  const raw = env.PUBLIC_ORIGIN;
  if (raw === undefined || raw === '') {
    if (nodeEnv === 'production') {
      throw new ConfigError(
        'Missing configuration: PUBLIC_ORIGIN (for example https://learn.example.gov.cn): it is printed on ' +
          'certificates and names the issuer of signed credentials.',
      );
    }
    return 'http://127.0.0.1:5173';
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return fail('PUBLIC_ORIGIN', 'an origin such as https://learn.example.gov.cn', raw);
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== raw.replace(/\/$/, '')) {
    fail('PUBLIC_ORIGIN', 'an origin such as https://learn.example.gov.cn (no path)', raw);
  }
  if (nodeEnv === 'production' && parsed.protocol !== 'https:') {
    fail('PUBLIC_ORIGIN', 'an https origin in production', raw);
  }
  return parsed.origin;
}

function redact(raw: string): string {
  return raw.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** Secrets: required in production; elsewhere a missing one is an error too, because a guessable default is not safe. */
function secretKey(env: Env, name: string, bytes: number): Buffer {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    throw new ConfigError(
      `Missing configuration: ${name} (base64, ${bytes} bytes). ` +
        '`npm start` generates local keys in .data/local-secrets.json; in production set it from your secret store.',
    );
  }
  const key = Buffer.from(raw, 'base64');
  if (key.length !== bytes) fail(name, `base64 of exactly ${bytes} bytes`, `${key.length} bytes`);
  return key;
}

function smsConfig(env: Env, nodeEnv: AppConfig['nodeEnv']): SmsConfig {
  const gateway = oneOf(
    env,
    'SMS_GATEWAY',
    ['dev', 'http'] as const,
    nodeEnv === 'production' ? 'http' : 'dev',
  );
  if (gateway === 'dev') {
    if (nodeEnv === 'production') {
      throw new ConfigError(
        'Invalid configuration: SMS_GATEWAY=dev writes codes to the log and is refused in production; ' +
          'set SMS_GATEWAY=http with SMS_HTTP_URL (and SMS_HTTP_TOKEN) for the county’s SMS provider.',
      );
    }
    return { gateway };
  }
  const target = url(env, 'SMS_HTTP_URL', ['http:', 'https:']);
  if (!target) {
    throw new ConfigError(
      'Missing configuration: SMS_HTTP_URL (the SMS provider’s HTTP endpoint; SMS_GATEWAY=http needs it).',
    );
  }
  return {
    gateway,
    url: target,
    token: env.SMS_HTTP_TOKEN || undefined,
    timeoutMs: int(env, 'SMS_HTTP_TIMEOUT_MS', 5000, 100, 60_000),
    signature: env.SMS_SIGNATURE || '县终身学习平台',
  };
}

function registrationCodeRequired(env: Env, nodeEnv: AppConfig['nodeEnv']): boolean {
  const required = bool(
    env,
    'REGISTRATION_CODE_REQUIRED',
    nodeEnv === 'production' || env.SMS_GATEWAY === 'http',
  );
  if (!required && nodeEnv === 'production') {
    fail('REGISTRATION_CODE_REQUIRED', 'true in production (a mobile belongs to whoever proves it)', 'false');
  }
  return required;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret.length < 32) {
    if (!env.JWT_SECRET) {
      throw new ConfigError('Missing configuration: JWT_SECRET (at least 32 characters).');
    }
    fail('JWT_SECRET', 'at least 32 characters', `${jwtSecret.length} characters`);
  }
  const countyTimeZone = timeZone(env, 'COUNTY_TIME_ZONE', DEFAULT_COUNTY_TIME_ZONE);
  const port = int(env, 'PORT', 3000, 0, 65535);
  const pii = piiKeyring(env);
  return {
    nodeEnv,
    port,
    apiPublicUrl: publicUrl(env, 'API_PUBLIC_URL', `http://127.0.0.1:${port}`),
    host: env.HOST || '127.0.0.1',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379') as string,
    queuePrefix: pattern(env, 'QUEUE_PREFIX', /^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ or -', 'cll'),
    jwtSecret,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    piiEncryptionKey: pii.encryption.keys.get(pii.encryption.current) as Buffer,
    piiHashKey: pii.hash.keys.get(pii.hash.current) as Buffer,
    pii: { ...pii, rotationBatchSize: int(env, 'PII_ROTATION_BATCH_SIZE', 200, 1, 10_000) },
    credentialSigningKey: secretKey(env, 'CREDENTIAL_SIGNING_KEY', 32),
    publicOrigin: publicOrigin(env, nodeEnv),
    credentialIssuerName:
      env.CREDENTIAL_ISSUER_NAME?.trim() || '县终身学习与职业培训平台 County Lifelong Learning Platform',
    workerInProcess: bool(env, 'WORKER_IN_PROCESS', nodeEnv !== 'production'),
    migrateOnStart: bool(env, 'MIGRATE_ON_START', true),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    trustProxy: trustProxy(env),
    mfa: {
      requiredFor: oneOf(env, 'MFA_REQUIRED_FOR', ['privileged', 'all-staff'] as const, 'privileged'),
      stepUpSeconds: int(env, 'MFA_STEP_UP_SECONDS', 300, 30, 3600),
      failuresPerWindow: int(env, 'MFA_FAILURES_PER_WINDOW', 5, 1, 1000),
      failureWindowSeconds: int(env, 'MFA_FAILURE_WINDOW_SECONDS', 900, 1, 86_400),
      issuer: env.MFA_ISSUER?.trim() || '县终身学习平台',
    },
    rateLimit: {
      loginFailuresPerPair: int(env, 'RATE_LIMIT_LOGIN_FAILURES_PER_PAIR', 5, 1, 10_000),
      loginDelaySeconds: int(env, 'RATE_LIMIT_LOGIN_DELAY_SECONDS', 30, 1, 3600),
      loginSprayAddresses: int(env, 'RATE_LIMIT_LOGIN_SPRAY_ADDRESSES', 5, 2, 10_000),
      codesPerMobile: int(env, 'RATE_LIMIT_CODES_PER_MOBILE', 5, 1, 1000),
      codesPerIp: int(env, 'RATE_LIMIT_CODES_PER_IP', 20, 1, 100_000),
      proxyConsentsPerHour: int(env, 'RATE_LIMIT_PROXY_CONSENTS_PER_HOUR', 10, 1, 10_000),
      proxyActionsPerHour: int(env, 'RATE_LIMIT_PROXY_ACTIONS_PER_HOUR', 30, 1, 10_000),
      loginFailuresPerIp: int(env, 'RATE_LIMIT_LOGIN_FAILURES_PER_IP', 30, 1, 100_000),
      loginWindowSeconds: int(env, 'RATE_LIMIT_LOGIN_WINDOW_SECONDS', 900, 1, 86_400),
      registrationsPerIp: int(env, 'RATE_LIMIT_REGISTRATIONS_PER_IP', 20, 1, 100_000),
      registrationWindowSeconds: int(env, 'RATE_LIMIT_REGISTRATION_WINDOW_SECONDS', 3600, 1, 86_400),
    },
    sms: smsConfig(env, nodeEnv),
    registrationCodeRequired: registrationCodeRequired(env, nodeEnv),
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 1000, 50, 60_000),
    jobLockMs: int(env, 'JOB_LOCK_MS', 30_000, 1000, 600_000),
    countyTimeZone,
    cjkFontPath: env.CJK_FONT_PATH || '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    cjkFontFamily: env.CJK_FONT_FAMILY ?? 'NotoSansCJKsc-Regular',
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 25_000, 100, 600_000),
    metricsToken: metricsToken(env),
    workerMetricsPort: optionalPort(env, 'WORKER_METRICS_PORT'),
    schedules: {
      pruneRateLimitsEveryMs: int(env, 'RATE_LIMIT_PRUNE_EVERY_MS', 3_600_000, 1000, 86_400_000),
      recomputeIndicatorsCron: cron(env, 'INDICATORS_RECOMPUTE_CRON', '30 2 * * *'),
      timeZone: timeZone(env, 'SCHEDULE_TIME_ZONE', countyTimeZone),
      retryPdfsEveryMs: int(env, 'PDF_RETRY_EVERY_MS', 300_000, 1000, 86_400_000),
      classRemindersCron: cron(env, 'CLASS_REMINDERS_CRON', '0 12-20 * * *'),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
