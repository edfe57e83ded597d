import { describe, expect, it } from 'vitest';
import {
  fillTownshipFromVillage,
  toRegisterBody,
  validateRegistration,
  type RegistrationValues,
} from './validation.js';

function makeRegistration(overrides: Partial<RegistrationValues> = {}): RegistrationValues {
  return {
    name: '王秀英',
    mobile: '13812345678',
    email: '',
    birthDate: '1958-03-21',
    sex: 'female',
    townshipCode: '330122101000',
    villageCode: '330122101201',
    attainment: 'primary',
    employmentStatus: 'retired',
    idNumber: '',
    idNumberConsent: '',
    ...overrides,
  };
}

describe('validateRegistration', () => {
  it('accepts a complete registration with only a mobile number', () => {
    expect(validateRegistration(makeRegistration(), 'abc12345', 'abc12345')).toEqual({});
  });

  it('asks for a mobile number or an e-mail address when both are empty', () => {
    expect(validateRegistration(makeRegistration({ mobile: '' }), 'abc12345', 'abc12345')).toEqual({
      mobile: { key: 'error.CONTACT_REQUIRED' },
    });
  });

  it('rejects a password without digits and a confirmation that differs', () => {
    const errors = validateRegistration(makeRegistration(), 'abcdefgh', 'abcdefgx');
    expect(errors.password).toEqual({ key: 'validation.passwordWeak' });
    expect(errors.confirmPassword).toEqual({ key: 'validation.passwordMismatch' });
  });

  it('rejects a village that lies in another township', () => {
    const errors = validateRegistration(
      makeRegistration({ villageCode: '330122102201' }),
      'abc12345',
      'abc12345',
    );
    expect(errors).toEqual({ villageCode: { key: 'validation.villageMismatch' } });
  });

  it('marks empty required fields and unknown choices', () => {
    const errors = validateRegistration(makeRegistration({ name: '', sex: 'x', birthDate: '' }), '', '');
    expect(errors).toMatchObject({
      name: { key: 'validation.required' },
      password: { key: 'validation.required' },
      confirmPassword: { key: 'validation.required' },
      birthDate: { key: 'validation.required' },
      sex: { key: 'validation.isEnum' },
    });
  });
});

describe('fillTownshipFromVillage', () => {
  it('takes the township from the village when only the village was chosen', () => {
    expect(fillTownshipFromVillage({ townshipCode: '', villageCode: '330122101201' }).townshipCode).toBe(
      '330122101000',
    );
  });
});

describe('the separate consent to the ID number', () => {
  it('is needed only when an ID number is given, and is sent with it', () => {
    expect(
      validateRegistration(makeRegistration(), 'Learn2026ok', 'Learn2026ok').idNumberConsent,
    ).toBeUndefined();
    const withId = makeRegistration({ idNumber: '11010519491231002X' });
    expect(validateRegistration(withId, 'Learn2026ok', 'Learn2026ok').idNumberConsent).toEqual({
      key: 'error.ID_NUMBER_CONSENT_REQUIRED',
    });
    const ticked = makeRegistration({ idNumber: '11010519491231002X', idNumberConsent: 'true' });
    expect(validateRegistration(ticked, 'Learn2026ok', 'Learn2026ok').idNumberConsent).toBeUndefined();
    expect(toRegisterBody(ticked, 'Learn2026ok').idNumberConsent).toBe(true);
    expect(toRegisterBody(makeRegistration(), 'Learn2026ok').idNumberConsent).toBeUndefined();
  });
});
