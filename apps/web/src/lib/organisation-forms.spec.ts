import { creditCodeCheckCharacter } from '@cll/domain';
import { describe, expect, it } from 'vitest';
import { readApplicationForm, readEnterpriseForm, readInvitationForm } from './organisation-forms.js';

describe('organisation forms', () => {
  it('accepts a mobile or a landline with area code as the applicant contact phone', () => {
    const values = {
      name: '城关镇社区学校',
      kind: 'community_college',
      townshipCode: '330782101000',
      contactName: '王老师',
      contactPhone: '0579 85123456',
    };
    expect(readApplicationForm(values).fields?.contactPhone).toBe('057985123456');
    expect(readApplicationForm({ ...values, contactPhone: '138 0000 0001' }).errors).toEqual({});
    expect(readApplicationForm({ ...values, contactPhone: '12345', kind: 'bank' }).errors).toEqual({
      kind: { key: 'validation.isEnum' },
      contactPhone: { key: 'validation.phone' },
    });
  });

  it('invites by mobile or e-mail with a staff role', () => {
    expect(readInvitationForm({ contact: ' 13800000009 ', role: 'provider_staff' }).fields).toEqual({
      contact: '13800000009',
      role: 'provider_staff',
    });
    expect(readInvitationForm({ contact: 'li@example.org', role: 'provider_admin' }).errors).toEqual({});
    expect(readInvitationForm({ contact: 'li', role: 'bureau_admin' }).errors).toEqual({
      contact: { key: 'validation.contact' },
      role: { key: 'validation.isEnum' },
    });
  });

  it('checks the unified social credit code, upper-casing what was typed', () => {
    const first17 = '91330782MA2E0A1B2';
    const code = first17 + creditCodeCheckCharacter(first17);
    const values = {
      name: '义乌某电器有限公司',
      creditCode: code.toLowerCase(),
      industry: '制造业',
      townshipCode: '330782101000',
    };
    expect(readEnterpriseForm(values).fields?.creditCode).toBe(code);
    const wrongCheck = first17 + (code.endsWith('0') ? '1' : '0');
    expect(readEnterpriseForm({ ...values, creditCode: wrongCheck }).errors).toEqual({
      creditCode: { key: 'validation.isCreditCode' },
    });
  });
});
