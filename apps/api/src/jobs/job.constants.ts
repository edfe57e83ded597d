import type { AppConfig } from '../config/config.js';

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
  RetryCertificatePdfs = 'retry-certificate-pdfs',
  ClassReminders = 'class-reminders',
  ClassReminderSms = 'class-reminder-sms',
  RotatePiiKeys = 'rotate-pii-keys',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.WelcomeNotification]: QueueName.Notifications,
  [JobName.CertificatePdf]: QueueName.Certificates,
  [JobName.RosterImport]: QueueName.Imports,
  [JobName.PruneRateLimits]: QueueName.Maintenance,
  [JobName.BaselineImport]: QueueName.Imports,
  [JobName.RecomputeIndicators]: QueueName.Maintenance,
  [JobName.RetryCertificatePdfs]: QueueName.Certificates,
  [JobName.ClassReminders]: QueueName.Notifications,
  [JobName.ClassReminderSms]: QueueName.Notifications,
  [JobName.RotatePiiKeys]: QueueName.Maintenance,
};

export interface JobPayloads {
  [JobName.WelcomeNotification]: { userId: string };
  [JobName.CertificatePdf]: { certificateId: string };
  [JobName.RosterImport]: { importId: string };
  [JobName.PruneRateLimits]: Record<string, never>;
  [JobName.BaselineImport]: { baselineId: string };
  [JobName.RecomputeIndicators]: Record<string, never>;
  [JobName.RetryCertificatePdfs]: Record<string, never>;
  [JobName.ClassReminders]: Record<string, never>;
  [JobName.ClassReminderSms]: { reminderId: string };
  [JobName.RotatePiiKeys]: { rotationId: string };
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

export type Repeat = { every: number } | { cron: string; tz: string };

/**
 * Scheduled jobs, as Bull repeatable jobs: Redis holds one schedule per job name and repeat rule, and each run is a
 * job whose id is made from the schedule and the run's time, so however many workers start, each run happens once.
 */
export function schedules(config: AppConfig['schedules']): Array<{ name: JobName; repeat: Repeat }> {
  return [
    { name: JobName.PruneRateLimits, repeat: { every: config.pruneRateLimitsEveryMs } },
    // Provisional indicators (and restatements of closed years) every night, by default at 02:30 county time.
    {
      name: JobName.RecomputeIndicators,
      repeat: { cron: config.recomputeIndicatorsCron, tz: config.timeZone },
    },
    // Certificates whose PDF waited for a missing font, every 5 minutes by default.
    { name: JobName.RetryCertificatePdfs, repeat: { every: config.retryPdfsEveryMs } },
    // Reminders of tomorrow's classes: by default every hour from 12:00 to 20:00 county time. Each run only adds
    // what earlier runs did not (one reminder per enrolment and class date), so a later run catches today's new
    // enrolments and a run missed while the worker was down.
    { name: JobName.ClassReminders, repeat: { cron: config.classRemindersCron, tz: config.timeZone } },
  ];
}
