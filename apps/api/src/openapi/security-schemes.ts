/** The JWT access token from /api/auth/login; the default for every operation that is not public. */
export const BEARER = 'bearer';
/** METRICS_TOKEN, which Prometheus sends to /metrics. */
export const METRICS_TOKEN = 'metricsToken';
