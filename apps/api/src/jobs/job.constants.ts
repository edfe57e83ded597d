/** Every queue and job name, in one place. Each job name has exactly one handler (checked at worker start). */
export enum QueueName {
  Notifications = 'notifications',
  Certificates = 'certificates',
  Imports = 'imports',
  Maintenance = 'maintenance',
}

export enum JobName {
  WelcomeNotification = 'welcome-notification',
  CertificatePdf = 'certificate-pdf',
  RosterImport = 'roster-import',
  PruneRateLimits = 'prune-rate-limits',
  BaselineImport = 'baseline-import',
  RecomputeIndicators = 'recompute-indicators',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.WelcomeNotification]: QueueName.Notifications,
  [JobName.CertificatePdf]: QueueName.Certificates,
  [JobName.RosterImport]: QueueName.Imports,
  [JobName.PruneRateLimits]: QueueName.Maintenance,
  [JobName.BaselineImport]: QueueName.Imports,
  [JobName.RecomputeIndicators]: QueueName.Maintenance,
};

export interface JobPayloads {
  [JobName.WelcomeNotification]: { userId: string };
  [JobName.CertificatePdf]: { certificateId: string };
  [JobName.RosterImport]: { importId: string };
  [JobName.PruneRateLimits]: Record<string, never>;
  [JobName.BaselineImport]: { baselineId: string };
  [JobName.RecomputeIndicators]: Record<string, never>;
}

/** What Bull stores: the payload plus the request id of the change that caused the job. */
export interface JobData<N extends JobName = JobName> {
  payload: JobPayloads[N];
  requestId: string | null;
}

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 86_400, count: 10_000 },
  // Failed jobs stay in Redis for staff to see and retry.
  removeOnFail: false,
} as const;

/**
 * Scheduled jobs, as Bull repeatable jobs: Redis holds one schedule per job id, so however many workers start,
 * each run happens once.
 */
export const SCHEDULES: Array<{ name: JobName; repeat: { every: number } | { cron: string; tz: string } }> = [
  { name: JobName.PruneRateLimits, repeat: { every: 3_600_000 } },
  // Provisional indicators (and restatements of closed years) every night at 02:30 county time.
  { name: JobName.RecomputeIndicators, repeat: { cron: '30 2 * * *', tz: 'Asia/Shanghai' } },
];
