import {
  ATTAINMENT_LEVELS,
  COURSE_CATEGORIES,
  COURSE_MODES,
  OCCUPATION_CODE_PATTERN,
  PROGRAMME_KINDS,
  ProgrammeKind,
  type AttainmentLevel,
  type CourseCategory,
  type CourseMode,
} from '@cll/domain';
import {
  checkChoice,
  checkedChoice,
  checkLength,
  checkMaxLength,
  readNumber,
  requireFields,
} from './form-rules.js';
import type { FormErrors } from './forms.js';

/** The provider's course and programme forms: field names are the API's property names. */

export const COURSE_FIELDS = [
  'programmeId',
  'title',
  'titleEn',
  'category',
  'mode',
  'studyHours',
  'credits',
  'minAge',
  'maxAge',
  'description',
  'coverText',
  'videoSharePercent',
  'textMinSeconds',
] as const;
export type CourseValues = Record<(typeof COURSE_FIELDS)[number], string>;

export interface CourseFields {
  title: string;
  titleEn: string;
  category: CourseCategory;
  mode: CourseMode;
  studyHours: number;
  credits: number;
  minAge?: number;
  maxAge?: number;
  description: string;
  coverText: string;
  /** Completion rule: percent of a video to be played, seconds a text lesson must be open. */
  videoSharePercent?: number;
  textMinSeconds?: number;
}

/** The API's limits (apps/api/src/catalogue/dto). */
export const DESCRIPTION_MAX = 20_000;
export const PROGRAMME_DESCRIPTION_MAX = 5000;
export const COVER_TEXT_MAX = 200;
export const TITLE_MIN = 2;
export const TITLE_MAX = 100;
export const TITLE_EN_MAX = 150;

/** Checks a course form; `withProgramme` when creating (the programme cannot change later). */
export function readCourseForm(
  values: CourseValues,
  withProgramme: boolean,
): { errors: FormErrors; fields?: CourseFields } {
  const errors: FormErrors = {};
  requireFields(values, [...(withProgramme ? ['programmeId'] : []), 'title', 'category', 'mode'], errors);
  requireFields(values, ['studyHours', 'credits', 'description'], errors);
  checkLength(values.title, TITLE_MIN, TITLE_MAX, 'title', errors);
  checkMaxLength(values.titleEn, TITLE_EN_MAX, 'titleEn', errors);
  checkChoice(values.category, COURSE_CATEGORIES, 'category', errors);
  checkChoice(values.mode, COURSE_MODES, 'mode', errors);
  const studyHours = readNumber(values.studyHours, 'studyHours', errors, {
    min: 0.5,
    max: 2000,
    decimals: 1,
  });
  const credits = readNumber(values.credits, 'credits', errors, { min: 0, max: 100, decimals: 1 });
  const minAge = readNumber(values.minAge, 'minAge', errors, { min: 0, max: 120, integer: true });
  const maxAge = readNumber(values.maxAge, 'maxAge', errors, { min: 0, max: 120, integer: true });
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) {
    errors.maxAge ??= { key: 'validation.ageOrder' };
  }
  const videoSharePercent = readNumber(values.videoSharePercent, 'videoSharePercent', errors, {
    min: 0,
    max: 100,
    integer: true,
  });
  const textMinSeconds = readNumber(values.textMinSeconds, 'textMinSeconds', errors, {
    min: 0,
    max: 7200,
    integer: true,
  });
  checkMaxLength(values.description, DESCRIPTION_MAX, 'description', errors);
  checkMaxLength(values.coverText, COVER_TEXT_MAX, 'coverText', errors);
  if (Object.keys(errors).length > 0 || studyHours === undefined || credits === undefined) return { errors };
  return {
    errors,
    fields: {
      title: values.title,
      // Sent even when empty, so that an English title can be removed again.
      titleEn: values.titleEn,
      category: checkedChoice(COURSE_CATEGORIES, values.category),
      mode: checkedChoice(COURSE_MODES, values.mode),
      studyHours,
      credits,
      minAge,
      maxAge,
      description: values.description,
      coverText: values.coverText,
      videoSharePercent,
      textMinSeconds,
    },
  };
}

export const PROGRAMME_FIELDS = [
  'kind',
  'title',
  'description',
  'occupationCode',
  'confersAttainment',
] as const;
export type ProgrammeValues = Record<(typeof PROGRAMME_FIELDS)[number], string>;

/** Programmes that lead to a recognised occupation carry its code (国家职业分类大典). */
export const OCCUPATION_KINDS: readonly string[] = [
  ProgrammeKind.VocationalSkill,
  ProgrammeKind.Apprenticeship,
];
/** Academic programmes confer an attainment level. */
export const ATTAINMENT_KINDS: readonly string[] = [ProgrammeKind.Academic];

export interface ProgrammeFields {
  kind: ProgrammeKind;
  title: string;
  description: string;
  occupationCode?: string;
  confersAttainment?: AttainmentLevel;
}

export function readProgrammeForm(values: ProgrammeValues): { errors: FormErrors; fields?: ProgrammeFields } {
  const errors: FormErrors = {};
  requireFields(values, ['kind', 'title'], errors);
  checkChoice(values.kind, PROGRAMME_KINDS, 'kind', errors);
  checkLength(values.title, TITLE_MIN, TITLE_MAX, 'title', errors);
  checkMaxLength(values.description, PROGRAMME_DESCRIPTION_MAX, 'description', errors);
  // Without JavaScript every field is on the form; those that do not apply to the chosen kind are ignored.
  const occupationCode = OCCUPATION_KINDS.includes(values.kind) ? values.occupationCode : '';
  const confersAttainment = ATTAINMENT_KINDS.includes(values.kind) ? values.confersAttainment : '';
  if (occupationCode && !OCCUPATION_CODE_PATTERN.test(occupationCode)) {
    errors.occupationCode = { key: 'validation.occupationCode' };
  }
  checkChoice(confersAttainment, ATTAINMENT_LEVELS, 'confersAttainment', errors);
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    fields: {
      kind: checkedChoice(PROGRAMME_KINDS, values.kind),
      title: values.title,
      description: values.description,
      occupationCode: occupationCode || undefined,
      confersAttainment: confersAttainment ? checkedChoice(ATTAINMENT_LEVELS, confersAttainment) : undefined,
    },
  };
}
