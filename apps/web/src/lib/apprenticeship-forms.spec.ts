import { describe, expect, it } from 'vitest';
import {
  readAmendForm,
  readAssessmentForm,
  readDraftForm,
  readGuardianConsentForm,
  readLifecycleForm,
  readVersion,
  type DraftValues,
  type LifecycleValues,
} from './apprenticeship-forms.js';

const PROVIDER = '1f0e5c55-2b7a-4e0c-8a3e-6d1b7c2a9f00';
const ENTERPRISE = '2a9c1d44-7e3b-4f1a-9b6e-0c5d8e7f6a11';
const PROGRAMME = '3b8d2e55-8f4c-4a2b-8c7f-1d6e9f8a7b22';
const MENTOR = '4c7e3f66-9a5d-4b3c-9d8a-2e7f0a9b8c33';

const draft: DraftValues = {
  scheme: 'modern',
  enterpriseId: ENTERPRISE,
  apprenticeMobile: '13911112222',
  programmeId: PROGRAMME,
  occupationCode: '6-18-01-01',
  occupationName: '数控车工',
  schoolMentorUserId: MENTOR,
  enterpriseMentorUserId: '',
  startDate: '2026-09-01',
  plannedEndDate: '2028-06-30',
  plannedSchoolHours: '600',
  plannedWorkplaceHours: '1600',
  'guardian.name': '',
  'guardian.relationship': '',
  'guardian.mobile': '',
};

describe('drafting and changing an agreement', () => {
  it('builds the API request, leaving out what was not chosen', () => {
    const { errors, body } = readDraftForm(draft, PROVIDER);
    expect(errors).toEqual({});
    expect(body).toEqual({
      scheme: 'modern',
      providerId: PROVIDER,
      enterpriseId: ENTERPRISE,
      apprenticeMobile: '13911112222',
      programmeId: PROGRAMME,
      occupationCode: '6-18-01-01',
      occupationName: '数控车工',
      schoolMentorUserId: MENTOR,
      enterpriseMentorUserId: undefined,
      startDate: '2026-09-01',
      plannedEndDate: '2028-06-30',
      plannedSchoolHours: 600,
      plannedWorkplaceHours: 1600,
      guardian: undefined,
    });
  });

  it('puts each mistake beside its field, with the API’s field names', () => {
    const { errors } = readDraftForm(
      {
        ...draft,
        scheme: 'other',
        apprenticeMobile: '123',
        occupationCode: '61801',
        plannedEndDate: '2026-08-31',
        plannedWorkplaceHours: '1600.5',
        'guardian.name': '李建国',
      },
      PROVIDER,
    );
    expect(errors).toEqual({
      scheme: { key: 'validation.isEnum' },
      apprenticeMobile: { key: 'validation.isMobilePhone' },
      occupationCode: { key: 'validation.occupationCode' },
      plannedEndDate: { key: 'error.AGREEMENT_DATES_INVALID' },
      plannedWorkplaceHours: { key: 'validation.wholeNumberRange', params: { min: 0, max: 10000 } },
      'guardian.relationship': { key: 'validation.required' },
      'guardian.mobile': { key: 'validation.required' },
    });
  });

  it('sends a guardian only with all three details', () => {
    const { body } = readAmendForm(
      {
        ...draft,
        'guardian.name': '李建国',
        'guardian.relationship': '父亲',
        'guardian.mobile': '13900000001',
      },
      3,
    );
    expect(body?.guardian).toEqual({ name: '李建国', relationship: '父亲', mobile: '13900000001' });
    expect(body?.version).toBe(3);
  });

  it('reads a version from a hidden field, and nothing else', () => {
    expect(readVersion('2')).toBe(2);
    expect(readVersion('0')).toBe(0);
    expect(readVersion('2; drop')).toBe(0);
  });
});

describe('the school’s changes, consent and assessments', () => {
  const blank: LifecycleValues = {
    effectiveDate: '2026-11-20',
    reason: '',
    reasonCode: '',
    enterpriseId: '',
    enterpriseMentorUserId: '',
  };

  it('asks a reason for a break and a reason code for a withdrawal', () => {
    expect(readLifecycleForm('pause', blank).errors).toEqual({ reason: { key: 'validation.required' } });
    expect(readLifecycleForm('withdraw', { ...blank, reasonCode: 'health' }).request).toEqual({
      change: 'withdraw',
      body: { effectiveDate: '2026-11-20', reasonCode: 'health', reason: undefined },
    });
    expect(readLifecycleForm('withdraw', { ...blank, reasonCode: 'bored' }).errors).toEqual({
      reasonCode: { key: 'validation.isEnum' },
    });
    expect(readLifecycleForm('resume', { ...blank, effectiveDate: '2026-02-30' }).errors).toEqual({
      effectiveDate: { key: 'validation.isDateString' },
    });
  });

  it('transfers to a chosen company, the mentor being optional', () => {
    expect(
      readLifecycleForm('transfer', { ...blank, enterpriseId: ENTERPRISE, reason: '原企业停产' }).request,
    ).toEqual({
      change: 'transfer',
      body: {
        effectiveDate: '2026-11-20',
        enterpriseId: ENTERPRISE,
        enterpriseMentorUserId: undefined,
        reason: '原企业停产',
      },
    });
  });

  it('records the date on the guardian’s signed consent form', () => {
    expect(readGuardianConsentForm({ consentedOn: '2026-11-28', note: '' }, 1).body).toEqual({
      version: 1,
      consentedOn: '2026-11-28',
      note: undefined,
    });
    expect(readGuardianConsentForm({ consentedOn: '', note: '' }, 1).errors).toEqual({
      consentedOn: { key: 'validation.required' },
    });
  });

  it('records an assessment with its kind and result', () => {
    expect(
      readAssessmentForm({
        kind: 'final',
        title: '出师考核',
        result: 'passed',
        assessedOn: '2026-11-27',
        comment: '',
      }).body,
    ).toEqual({
      kind: 'final',
      title: '出师考核',
      result: 'passed',
      assessedOn: '2026-11-27',
      comment: undefined,
    });
    expect(
      readAssessmentForm({ kind: 'exam', title: '', result: '', assessedOn: '', comment: '' }).errors,
    ).toEqual({
      kind: { key: 'validation.isEnum' },
      title: { key: 'validation.required' },
      result: { key: 'validation.required' },
      assessedOn: { key: 'validation.required' },
    });
  });
});
