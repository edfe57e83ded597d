import type { privacyZhCN } from '../zh-CN/privacy.js';

export const privacyEn: Record<keyof typeof privacyZhCN, string> = {
  'piiKeys.title': 'Personal-data keys',
  'piiKeys.link': 'Personal-data key rotation',
  'piiKeys.intro':
    'ID numbers are stored encrypted, with a keyed hash to find duplicates. To change keys, add a new key version to the configuration (keeping the old one), restart every process, then start a rotation here: a background job re-encrypts and re-hashes in batches, each committed on its own, and an interrupted run continues after its last batch. Matching by ID number keeps working throughout. Remove the old keys from the configuration only once the rotation has completed.',
  'piiKeys.current': 'Key versions used for new writes',
  'piiKeys.currentValue': 'encryption version {enc}, hash version {hash}',
  'piiKeys.configured': 'Configured versions',
  'piiKeys.configuredValue': 'encryption: {enc}; hash: {hash}',
  'piiKeys.counts': 'ID numbers by key version',
  'piiKeys.counts.pair': 'encryption v{enc} / hash v{hash}',
  'piiKeys.counts.none': 'No ID number is stored yet.',
  'piiKeys.stale': 'Records not yet under the newest keys: {n}',
  'piiKeys.upToDate': 'Every ID number is under the newest keys.',
  'piiKeys.start': 'Start a rotation',
  'piiKeys.runs': 'Rotations',
  'piiKeys.runs.none': 'No rotation has been run yet.',
  'piiKeys.run.status.running': 'Running',
  'piiKeys.run.status.completed': 'Completed',
  'piiKeys.run.status.failed': 'Stopped with an error',
  'piiKeys.run.progress': '{done} of {total} records',
  'piiKeys.run.progressLabel': 'Progress',
  'piiKeys.run.versions': 'Target versions',
  'piiKeys.run.startedBy': 'Started by',
  'piiKeys.run.startedByCli': 'command line',
  'piiKeys.run.startedAt': 'Started',
  'piiKeys.run.updatedAt': 'Last batch',
  'piiKeys.run.error': 'Why it stopped',
  'piiKeys.resume': 'Continue where it stopped',
  'piiKeys.refresh': 'Refresh progress',
  'job.rotate-pii-keys': 'Personal-data key rotation',
  'done.piiRotationStarted':
    'The rotation has started and runs in the background in batches; refresh to see progress.',
  'done.piiRotationResumed': 'The rotation continues where it stopped.',
  'error.PII_KEY_UNKNOWN':
    'Some personal data is encrypted with a key that is not configured, so it cannot be read now. Contact the system administrator.',
  'error.PII_ROTATION_RUNNING': 'A rotation is already running; wait for it to finish.',
  'error.PII_ROTATION_STATE_INVALID':
    'Only a rotation that stopped with an error can continue; this is how things stand now.',
  'privacy.title': 'Privacy notice',
  'privacy.link': 'Read the privacy notice',
  'privacy.version': 'Version {version}, published {date}',
  'privacy.earlierVersion': 'This is an earlier version, not the one in force.',
  'privacy.registerNotice':
    'By registering you confirm you have read and agree to the platform’s privacy notice.',
  'privacy.accept.title': 'Please read the privacy notice',
  'privacy.accept.first': 'Before you go on, please read and agree to the platform’s privacy notice.',
  'privacy.accept.changed':
    'The privacy notice has changed. Before you go on, please read and agree to the new version.',
  'privacy.accept.submit': 'I have read it and agree',
  'privacy.accept.decline':
    'If you do not agree you can sign out; you can also ask to close your account under “My data”.',
  'consent.idNumber.label':
    'I separately agree that the platform processes my ID number (sensitive personal information) to verify who I am and issue certificates',
  'consent.idNumber.hint': 'Needed only when you give an ID number. You can register and learn without one.',
  'error.ID_NUMBER_CONSENT_REQUIRED':
    'With an ID number, tick the separate consent to its processing, or leave the ID number out.',
  'error.PRIVACY_NOTICE_OUTDATED':
    'The privacy notice has just changed again; read it once more before agreeing.',
  'myData.title': 'My data',
  'myData.hint':
    'Download everything the platform holds about you (a JSON file): profile, enrolments, progress, learning records, certificates, proxies, sign-ins, consents and the audit events about you. The ID number is shown masked only; for the full number, bring your ID card to a township service point.',
  'myData.download': 'Download my data',
};
