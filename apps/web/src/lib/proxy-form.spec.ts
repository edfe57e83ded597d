import { describe, expect, it } from 'vitest';
import type { FormErrors } from './forms.js';
import {
  checkNewLearner,
  checkProxyEnrolment,
  formFieldOf,
  toProxyBody,
  type ProxyValues,
} from './proxy-form.js';

const SESSION = '0b8f0f5e-5b9a-4c83-9a2a-1f0d2b3c4d5e';

function makeProxyValues(overrides: Partial<ProxyValues> = {}): ProxyValues {
  return {
    mobile: '13900000123',
    learner: '',
    learnerName: '',
    q: '智能手机',
    sessionId: SESSION,
    relationship: 'family',
    consent: 'true',
    register: '',
    name: '',
    birthDate: '',
    sex: '',
    townshipCode: '',
    villageCode: '',
    attainment: '',
    employmentStatus: '',
    ...overrides,
  };
}

describe('checkProxyEnrolment', () => {
  it('accepts a mobile, a session, a relationship and consent', () => {
    const errors: FormErrors = {};
    checkProxyEnrolment(makeProxyValues(), errors);
    expect(errors).toEqual({});
  });

  it('refuses to enrol without the learner’s consent', () => {
    const errors: FormErrors = {};
    checkProxyEnrolment(makeProxyValues({ consent: '' }), errors);
    expect(errors).toEqual({ consent: { key: 'error.CONSENT_REQUIRED' } });
  });

  it('asks for a session and a known relationship', () => {
    const errors: FormErrors = {};
    checkProxyEnrolment(makeProxyValues({ sessionId: '', relationship: 'neighbour' }), errors);
    expect(Object.keys(errors).sort()).toEqual(['relationship', 'sessionId']);
  });
});

describe('checkNewLearner', () => {
  it('needs every personal field and a village in the chosen township', () => {
    const errors: FormErrors = {};
    checkNewLearner(makeProxyValues({ townshipCode: '330782102000', villageCode: '330782101201' }), errors);
    expect(Object.keys(errors).sort()).toEqual([
      'attainment',
      'birthDate',
      'employmentStatus',
      'name',
      'sex',
      'villageCode',
    ]);
  });
});

describe('toProxyBody', () => {
  it('sends the registration only in the registration step', () => {
    const person = {
      name: '赵桂英',
      birthDate: '1948-05-02',
      sex: 'female',
      townshipCode: '330782101000',
      villageCode: '330782101201',
      attainment: 'primary',
      employmentStatus: 'retired',
    };
    expect(toProxyBody(makeProxyValues(person)).newLearner).toBeUndefined();
    expect(toProxyBody(makeProxyValues({ ...person, register: '1' }))).toEqual({
      sessionId: SESSION,
      relationship: 'family',
      consent: true,
      learnerMobile: '13900000123',
      newLearner: person,
    });
  });
});

describe('formFieldOf', () => {
  it('names the API’s fields as the form does', () => {
    expect(formFieldOf('newLearner.birthDate')).toBe('birthDate');
    expect(formFieldOf('learnerMobile')).toBe('mobile');
    expect(formFieldOf('consent')).toBe('consent');
  });
});
