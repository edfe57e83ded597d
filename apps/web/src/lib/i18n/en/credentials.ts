import type { credentialsZhCN } from '../zh-CN/credentials.js';

export const credentialsEn: Record<keyof typeof credentialsZhCN, string> = {
  'verify.revokedOn': 'Revoked on',
  'verify.credits': 'Credits',
  'verify.expired': 'Certificate expired',
  'verify.expiredText':
    'This certificate was issued by this platform and its signature is good, but it has expired.',
  'verify.signed': 'Signature valid: issued by this platform and not changed since.',
  'verify.keys': 'You can also check it yourself, offline, with the platform’s published keys:',
  'verify.keys.link': 'issuer’s public keys (JWKS)',
  'verify.upload.title': 'Check a digital credential file',
  'verify.upload.intro':
    'Digital certificates (Open Badges 3.0) are signed by this platform. Upload a credential file (JSON) downloaded from the platform: its signature, issuer, expiry and revocation are checked.',
  'verify.upload.file': 'Credential file (.json)',
  'verify.upload.hint': 'At most 500 KB.',
  'verify.upload.submit': 'Check the file',
  'verify.upload.missing': 'Please choose a credential file.',
  'verify.upload.result': 'Result',
  'verify.upload.presentation': 'This is a learning record holding {count} certificates:',
  'error.CREDENTIAL_MALFORMED':
    'This is not a digital certificate from this platform, so it cannot be checked. Please upload the .json file downloaded from the platform.',
  'error.CREDENTIAL_FOREIGN_ISSUER':
    'This digital certificate was not issued by this platform. Please check it with its issuer.',
  'error.CREDENTIAL_UNKNOWN_KEY':
    'This digital certificate was signed with a key this platform never published, so it is not one of ours.',
  'error.CREDENTIAL_BAD_SIGNATURE':
    'The signature does not match: the certificate was changed after it was issued, or forged. It is not valid.',
  'error.CERTIFICATE_ALREADY_REVOKED': 'This certificate has already been revoked.',

  'certificates.credential': 'Download the digital certificate (JSON)',
  'certificates.credentialNamed': 'Download the digital certificate (JSON): {course}',
  'certificates.revoked': 'Revoked ({date})',
  'record.presentation': 'Download all digital certificates (one signed file)',
  'record.wallet':
    'Digital certificates can go into a digital wallet or to an employer or the credit bank, who can check them on this platform’s verification page or with its published keys.',
  'record.revoked': 'Certificate revoked',

  'revoke.title': 'Revoke a certificate',
  'revoke.nav': 'Revoke a certificate',
  'revoke.intro':
    'Once revoked, the verification page and the digital certificate say “revoked” with the date, the holder is told, and the learning record keeps the entry marked as revoked. A provider administrator can revoke only their own provider’s certificates.',
  'revoke.number': 'Certificate number',
  'revoke.number.hint': 'Printed on the certificate, for example QX2026-000001.',
  'revoke.reason': 'Reason',
  'revoke.reason.hint': 'The holder is told, and it goes into the audit log.',
  'revoke.submit': 'Revoke this certificate',
  'revoke.done': 'Certificate {number} is revoked; the holder has been told.',
  'revoke.notFound': 'No certificate has this number, or you may not revoke it.',

  'notification.certificate_revoked.title': 'Certificate revoked: {courseTitle}',
  'notification.certificate_revoked.body': 'Your certificate {number} has been revoked. Reason: {reason}',
};
