import { describe, expect, it } from 'vitest';
import {
  agreementHome,
  canAssess,
  canConfirm,
  eventMessage,
  guardianConsentOf,
  partyList,
  requiredParties,
  schoolActions,
  waitsForStart,
  warningMessage,
  weekLabel,
} from './apprenticeship.js';
import { t, translate } from './i18n/index.js';

describe('early-warning reasons in words', () => {
  it('says how far signed workplace hours are behind the plan', () => {
    const message = warningMessage('zh-CN', {
      flag: 'hours_behind',
      figures: { expected: 420, signed: 273, shortShare: 0.35 },
    });
    expect(translate('zh-CN', message)).toBe('签字确认的岗位学时落后计划 35%（应 420，实 273）');
    expect(translate('en', { ...message, params: { ...message.params } })).toContain('35%');
  });

  it('names the weeks left unsigned and when the last milestone was', () => {
    expect(
      translate('zh-CN', warningMessage('zh-CN', { flag: 'unsigned_weeks', figures: { weeks: 2 } })),
    ).toContain('2 周');
    expect(
      translate(
        'zh-CN',
        warningMessage('zh-CN', {
          flag: 'no_milestone',
          figures: { weeks: 13, lastAssessmentOn: '2026-08-01' },
        }),
      ),
    ).toContain('2026年8月1日');
    expect(
      warningMessage('en', { flag: 'no_milestone', figures: { weeks: 20, lastAssessmentOn: null } }),
    ).toEqual({ key: 'warning.no_milestone.never', params: { weeks: 20 } });
  });
});

describe('agreement rules on the page', () => {
  it('needs the guardian’s consent too for a minor', () => {
    expect(requiredParties(false)).toEqual(['school', 'enterprise', 'apprentice']);
    expect(requiredParties(true)).toEqual(['school', 'enterprise', 'apprentice', 'guardian']);
    expect(partyList((key) => t('zh-CN', key), ['enterprise', 'apprentice'])).toBe('企业、学徒');
  });

  it('offers a confirmation only to a party still missing on a pending agreement', () => {
    const pending = { state: 'pending', pendingParties: ['enterprise'], myParties: ['enterprise'] };
    expect(canConfirm(pending, 'enterprise')).toBe(true);
    expect(canConfirm(pending, 'school')).toBe(false);
    expect(canConfirm({ ...pending, state: 'active' }, 'enterprise')).toBe(false);
    expect(canConfirm({ ...pending, myParties: ['apprentice'] }, 'enterprise')).toBe(false);
  });

  it('shows each of the school’s changes only in the states where the API allows it', () => {
    expect(schoolActions('pending')).toEqual({
      amend: true,
      pause: false,
      resume: false,
      withdraw: true,
      transfer: false,
    });
    expect(schoolActions('active')).toEqual({
      amend: true,
      pause: true,
      resume: false,
      withdraw: true,
      transfer: true,
    });
    expect(schoolActions('paused')).toMatchObject({ amend: false, resume: true, transfer: true });
    expect(Object.values(schoolActions('completed')).some(Boolean)).toBe(false);
    expect(canAssess('paused')).toBe(true);
    expect(canAssess('withdrawn')).toBe(false);
  });

  it('tells a confirmed agreement waiting for its start date from one still missing parties', () => {
    expect(waitsForStart({ state: 'pending', pendingParties: [] })).toBe(true);
    expect(waitsForStart({ state: 'pending', pendingParties: ['apprentice'] })).toBe(false);
    expect(waitsForStart({ state: 'active', pendingParties: [] })).toBe(false);
  });

  it('tells the history in words', () => {
    const message = eventMessage((key) => t('zh-CN', key), {
      type: 'confirmed',
      version: 2,
      party: 'school',
      reasonCode: null,
      reason: null,
    });
    expect(translate('zh-CN', message)).toBe('学校确认了第 2 版协议');
  });

  it('sends each party to its own page for an agreement', () => {
    const id = '6b0a3f7e-5d0b-4a53-9d3c-3a1f0c9b1e11';
    const providerId = '1f0e5c55-2b7a-4e0c-8a3e-6d1b7c2a9f00';
    expect(agreementHome(id, { myParties: ['school'], providerId })).toBe(
      `/provider/apprenticeships/${id}?provider=${providerId}`,
    );
    expect(agreementHome(id, { myParties: ['enterprise'], providerId })).toBe(`/mentor/apprentices/${id}`);
    expect(agreementHome(id, { myParties: ['apprentice'], providerId }, '2026-W47')).toBe(
      `/learn/apprenticeship?agreement=${id}&week=2026-W47`,
    );
  });
});

describe('small readings', () => {
  it('reads the consent date and the school’s note out of the guardian’s confirmation', () => {
    expect(guardianConsentOf('consented 2026-11-28 · 原件存档')).toEqual({
      consentedOn: '2026-11-28',
      note: '原件存档',
    });
    expect(guardianConsentOf('consented 2026-11-28')).toEqual({ consentedOn: '2026-11-28', note: null });
    expect(guardianConsentOf(null)).toEqual({ consentedOn: null, note: null });
  });

  it('names a week with its dates', () => {
    expect(weekLabel('zh-CN', (key, params) => t('zh-CN', key, params), '2026-W47')).toBe(
      '2026 年第 47 周（11月16日–11月22日）',
    );
  });
});
