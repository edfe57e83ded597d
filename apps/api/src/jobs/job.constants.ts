/** Every queue and job name, in one place. Each job name has exactly one handler (checked at worker start). */
export enum QueueName {
  Notifications = 'notifications',
  Certificates = 'certificates',
  Imports = 'imports',
}

export enum JobName {
  WelcomeNotification = 'welcome-notification',
  CertificatePdf = 'certificate-pdf',
  RosterImport = 'roster-import',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.WelcomeNotification]: QueueName.Notifications,
  [JobName.CertificatePdf]: QueueName.Certificates,
  [JobName.RosterImport]: QueueName.Imports,
};

export interface JobPayloads {
  [JobName.WelcomeNotification]: { userId: string };
  [JobName.CertificatePdf]: { certificateId: string };
  [JobName.RosterImport]: { importId: string };
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
