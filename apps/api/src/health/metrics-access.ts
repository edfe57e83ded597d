import { ErrorCode } from '@cll/domain';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/config.js';

export type MetricsRefusal = { status: 401 | 403; code: ErrorCode; message: string };

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read `/metrics` (the API's and the worker's listener alike): with METRICS_TOKEN set, only a caller with
 * `Authorization: Bearer <token>`; without it, anyone outside production (local use) and no one in production,
 * where the numbers (routes, queue names, backlogs) are not for the public.
 */
export function refuseMetrics(
  config: Pick<AppConfig, 'metricsToken' | 'nodeEnv'>,
  authorization: string | undefined,
): MetricsRefusal | null {
  if (!config.metricsToken) {
    if (config.nodeEnv !== 'production') return null;
    return {
      status: 403,
      code: ErrorCode.Forbidden,
      message: 'Metrics are disabled: set METRICS_TOKEN and scrape with it as a bearer token.',
    };
  }
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match) return { status: 401, code: ErrorCode.AuthRequired, message: 'A metrics token is required.' };
  // Compare digests, so the comparison takes the same time whatever the length of the guess.
  if (!timingSafeEqual(digest(match[1]), digest(config.metricsToken))) {
    return { status: 401, code: ErrorCode.AuthTokenInvalid, message: 'The metrics token is not valid.' };
  }
  return null;
}
