import { createHash } from 'node:crypto';
import { statusPosition } from './status-list.js';

/** Contexts of a VC Data Model 2.0 credential carrying Open Badges 3.0 terms. */
export const CREDENTIAL_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

/** JOSE header of a credential secured as VC-JOSE-COSE (application/vc+jwt). */
export const VC_JWT_HEADER = { typ: 'vc+jwt', cty: 'vc' };
export const VP_JWT_HEADER = { typ: 'vp+jwt', cty: 'vp' };

/** The addresses under the public origin (served by the web app, which passes them through from the API). */
export function issuerUrls(origin: string) {
  return {
    issuer: `${origin}/credentials/issuer`,
    jwks: `${origin}/credentials/jwks.json`,
    statusList: (list: number) => `${origin}/credentials/status/${list}`,
    verify: (code: string) => `${origin}/verify/${code}`,
  };
}

export interface IssuerFacts {
  origin: string;
  name: string;
}

export interface BadgeFacts {
  certificateId: string;
  number: string;
  verificationCode: string;
  issuedAt: Date;
  kind: 'course' | 'apprenticeship';
  /** The course, or for an apprenticeship its programme. */
  achievementId: string;
  title: string;
  category: string;
  providerId: string;
  providerName: string;
  hours: number;
  credits: number;
  completedOn: string;
  occupationCode: string | null;
  occupationName: string | null;
  holderUserId: string;
  holderSalt: string;
  holderMasked: string;
  statusIndex: number;
}

/** Open Badges' IdentityObject hash: "sha256$" and the hex digest of the identity followed by the salt. */
export function identityHash(identity: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(identity + salt)
    .digest('hex')}`;
}

export function issuerProfile(issuer: IssuerFacts) {
  return {
    id: issuerUrls(issuer.origin).issuer,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.origin,
  };
}

/**
 * The OpenBadgeCredential for one certificate. The holder is recognisable without personal data: the account id
 * (a random UUID, so the hash cannot be reversed by guessing) hashed with a salt, and the masked name the
 * verification page shows anyway; never an ID number or a mobile.
 */
export function buildOpenBadge(issuer: IssuerFacts, f: BadgeFacts) {
  const urls = issuerUrls(issuer.origin);
  const achievementId =
    f.kind === 'course' ? `${issuer.origin}/courses/${f.achievementId}` : `urn:uuid:${f.achievementId}`;
  const hoursId = `${achievementId}#study-hours`;
  const { list, bit } = statusPosition(f.statusIndex);
  const validFrom = f.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const criteria =
    f.kind === 'course'
      ? `完成课程全部要求，共 ${f.hours} 学时、${f.credits} 学分。Completed every requirement of the course: ${f.hours} study hours, ${f.credits} credits.`
      : `完成现代学徒制培养并通过考核，共 ${f.hours} 学时（学校与企业）。Completed the apprenticeship and its assessment: ${f.hours} hours at school and at work.`;
  return {
    '@context': [...CREDENTIAL_CONTEXTS],
    id: `urn:uuid:${f.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: f.title,
    description: `证书编号 Certificate No. ${f.number}`,
    issuer: issuerProfile(issuer),
    validFrom,
    awardedDate: validFrom,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'systemId',
          hashed: true,
          identityHash: identityHash(f.holderUserId, f.holderSalt),
          salt: f.holderSalt,
        },
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: f.holderMasked },
      ],
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: f.kind === 'course' ? 'Course' : 'ApprenticeshipCertificate',
        name: f.title,
        description: f.title,
        criteria: { narrative: criteria },
        fieldOfStudy: f.category,
        ...(f.credits > 0 ? { creditsAvailable: f.credits } : {}),
        creator: { id: `urn:uuid:${f.providerId}`, type: ['Profile'], name: f.providerName },
        ...(f.occupationCode
          ? {
              alignment: [
                {
                  type: ['Alignment'],
                  targetName: f.occupationName ?? f.occupationCode,
                  targetCode: f.occupationCode,
                  targetFramework: '中华人民共和国职业分类大典 Occupational Classification of the PRC',
                  targetType: 'ext:Occupation',
                  targetUrl: `urn:cn:occupation:${f.occupationCode}`,
                },
              ],
            }
          : {}),
        resultDescription: [
          {
            id: hoursId,
            type: ['ResultDescription'],
            name: '学时 Study hours',
            resultType: 'ext:StudyHours',
          },
        ],
      },
      result: [{ type: ['Result'], resultDescription: hoursId, value: String(f.hours) }],
      ...(f.credits > 0 ? { creditsEarned: f.credits } : {}),
    },
    credentialStatus: {
      id: `${urls.statusList(list)}#${bit}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(bit),
      statusListCredential: urls.statusList(list),
    },
  };
}

export type OpenBadge = ReturnType<typeof buildOpenBadge>;

/** VC Data Model 2.0's envelope: a JSON object any wallet can store, holding the signed credential as a data URL. */
export function envelope(jws: string, kind: 'vc' | 'vp' = 'vc') {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: `data:application/${kind}+jwt,${jws}`,
    type: kind === 'vc' ? 'EnvelopedVerifiableCredential' : 'EnvelopedVerifiablePresentation',
  };
}

export function statusListCredential(issuer: IssuerFacts, list: number, encodedList: string, now: Date) {
  const url = issuerUrls(issuer.origin).statusList(list);
  const validFrom = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerProfile(issuer),
    validFrom,
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList,
    },
  };
}
