import {
  AGREEMENT_EVENT_TYPES,
  AGREEMENT_PARTIES,
  AGREEMENT_STATES,
  APPRENTICESHIP_SCHEMES,
  ASSESSMENT_KINDS,
  ASSESSMENT_RESULTS,
  AttainmentLevel,
  LOG_STATUSES,
  TRAINING_SETTINGS,
  WARNING_FLAGS,
  WarningFlag,
  WITHDRAWAL_REASONS,
  CourseCategory,
  CourseMode,
  CourseStatus,
  EmploymentStatus,
  EnrolmentSource,
  EnrolmentStatus,
  ErrorCode,
  INDICATOR_CODES,
  LessonKind,
  ProgrammeKind,
  ProviderKind,
  ProviderStatus,
  PublishProblem,
  QuestionKind,
  Role,
  Sex,
} from '@cll/domain';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { dataQualityEn } from './en/data-quality.js';
import { indicatorsEn } from './en/indicators.js';
import { t } from './index.js';
import { zhCN } from './zh-CN.js';
import { dataQualityZhCN } from './zh-CN/data-quality.js';
import { indicatorsZhCN } from './zh-CN/indicators.js';

/** The API's counting rules and the problems its baseline import reports (described in the OpenAPI document). */
const COUNTING_RULES = ['persons', 'person_times', 'places', 'agreements', 'hours', 'certificates'];
const BASELINE_PROBLEMS = [
  'COLUMNS',
  'TOWNSHIP_UNKNOWN',
  'AGE_BAND_INVALID',
  'SEX_INVALID',
  'ATTAINMENT_INVALID',
  'COUNT_NEGATIVE',
  'COUNT_INVALID',
  'DUPLICATE',
  'BANDS_DO_NOT_TILE',
  'BANDS_NOT_FROM_ZERO',
  'BANDS_OVERLAP',
  'BANDS_GAP',
  'BANDS_OPEN_NOT_LAST',
  'BANDS_NO_OPEN_TOP',
];

/** Everything a page may show: the shared messages and the bureau's indicator messages, which load with its pages. */
const dictionaries = {
  'zh-CN': { ...zhCN, ...indicatorsZhCN, ...dataQualityZhCN } as Record<string, string>,
  en: { ...en, ...indicatorsEn, ...dataQualityEn } as Record<string, string>,
};

describe('i18n dictionaries', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('have the same indicator keys in Chinese and English, none of them clashing with a shared key', () => {
    expect(Object.keys(indicatorsEn).sort()).toEqual(Object.keys(indicatorsZhCN).sort());
    expect(Object.keys(indicatorsZhCN).filter((key) => key in zhCN)).toEqual([]);
    expect(Object.keys(dataQualityEn).sort()).toEqual(Object.keys(dataQualityZhCN).sort());
    expect(Object.keys(dataQualityZhCN).filter((key) => key in zhCN || key in indicatorsZhCN)).toEqual([]);
  });

  it('have no empty messages', () => {
    for (const [locale, dict] of Object.entries(dictionaries)) {
      const empty = Object.entries(dict).filter(([, value]) => value.trim() === '');
      expect(empty, locale).toEqual([]);
    }
  });

  it('use the same {placeholders} in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(dictionaries['zh-CN'])) {
      expect(placeholders(dictionaries.en[key] ?? ''), key).toEqual(placeholders(dictionaries['zh-CN'][key]));
    }
  });

  it.each(Object.entries(dictionaries))('%s translates every API error code', (_locale, dict) => {
    const missing = Object.values(ErrorCode).filter((code) => !(`error.${code}` in dict));
    expect(missing).toEqual([]);
  });

  const labelled: Array<[string, string, string[]]> = [
    ['attainment', 'attainment', Object.values(AttainmentLevel)],
    ['sex', 'sex', Object.values(Sex)],
    ['employment status', 'employment', Object.values(EmploymentStatus)],
    ['role', 'role', Object.values(Role)],
    ['provider kind', 'providerKind', Object.values(ProviderKind)],
    ['provider status', 'providerStatus', Object.values(ProviderStatus)],
    ['programme kind', 'programmeKind', Object.values(ProgrammeKind)],
    ['course category', 'category', Object.values(CourseCategory)],
    ['course mode', 'mode', Object.values(CourseMode)],
    ['course status', 'courseStatus', Object.values(CourseStatus)],
    ['lesson kind', 'lessonKind', Object.values(LessonKind)],
    ['question kind', 'questionKind', Object.values(QuestionKind)],
    ['publishing problem', 'publishProblem', Object.values(PublishProblem)],
    ['enrolment status', 'enrolmentStatus', Object.values(EnrolmentStatus)],
    ['enrolment source', 'enrolmentSource', Object.values(EnrolmentSource)],
    ['agreement state', 'agreementState', AGREEMENT_STATES],
    ['agreement party', 'agreementParty', AGREEMENT_PARTIES],
    ['agreement event', 'agreementEvent', AGREEMENT_EVENT_TYPES],
    ['apprenticeship scheme', 'apprenticeshipScheme', APPRENTICESHIP_SCHEMES],
    ['warning flag', 'warningFlag', WARNING_FLAGS],
    ['early-warning reason', 'warning', [WarningFlag.HoursBehind, WarningFlag.UnsignedWeeks]],
    ['withdrawal reason', 'withdrawalReason', WITHDRAWAL_REASONS],
    ['assessment kind', 'assessmentKind', ASSESSMENT_KINDS],
    ['assessment result', 'assessmentResult', ASSESSMENT_RESULTS],
    ['assessor side', 'assessorSide', TRAINING_SETTINGS],
    ['log status', 'logStatus', LOG_STATUSES],
    ['training setting', 'log', TRAINING_SETTINGS],
    ['indicator', 'indicator', INDICATOR_CODES],
    ['indicator explanation', 'indicatorExplain', INDICATOR_CODES],
    ['indicator counting rule', 'counting', COUNTING_RULES],
    ['count unit', 'indicators.unit.count', COUNTING_RULES],
    ['baseline source', 'baselineSource', ['census', 'sample_survey', 'yearbook', 'other']],
    ['baseline status', 'baselineStatus', ['queued', 'running', 'ready', 'failed']],
    ['baseline problem', 'baselineProblem', BASELINE_PROBLEMS],
  ];
  for (const [name, prefix, values] of labelled) {
    it.each(Object.entries(dictionaries))(`%s labels every ${name}`, (_locale, dict) => {
      const missing = values.filter((value) => !(`${prefix}.${value}` in dict));
      expect(missing).toEqual([]);
    });
  }
});

describe('t()', () => {
  it('fills in named parameters', () => {
    expect(t('en', 'home.greeting', { name: 'Li Wei' })).toBe('Hello, Li Wei!');
    expect(t('zh-CN', 'home.greeting', { name: '李伟' })).toBe('李伟，您好！');
  });

  it('shows the key itself when a message is missing, so the gap is visible', () => {
    expect(t('en', 'error.SOMETHING_NEW')).toBe('error.SOMETHING_NEW');
  });
});
