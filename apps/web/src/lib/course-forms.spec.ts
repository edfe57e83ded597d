import { describe, expect, it } from 'vitest';
import { readCourseForm, readProgrammeForm, type CourseValues } from './course-forms.js';

const course: CourseValues = {
  programmeId: 'p1',
  title: '初级电工技能实训',
  titleEn: '',
  category: 'vocational_skills',
  mode: 'blended',
  studyHours: '４８',
  credits: '2.5',
  minAge: '18',
  maxAge: '',
  description: '## 目标\n安全用电。',
  coverText: '',
  videoSharePercent: '８0',
  textMinSeconds: '',
};

describe('course form', () => {
  it('turns typed values into the API fields, reading full-width digits', () => {
    expect(readCourseForm(course, true)).toEqual({
      errors: {},
      fields: {
        title: '初级电工技能实训',
        titleEn: '',
        category: 'vocational_skills',
        mode: 'blended',
        studyHours: 48,
        credits: 2.5,
        minAge: 18,
        maxAge: undefined,
        description: '## 目标\n安全用电。',
        coverText: '',
        videoSharePercent: 80,
        textMinSeconds: undefined,
      },
    });
  });

  it('checks ranges, choices and the age order', () => {
    const { errors, fields } = readCourseForm(
      {
        ...course,
        programmeId: '',
        category: 'x',
        studyHours: '0',
        credits: 'abc',
        minAge: '70',
        maxAge: '60',
      },
      true,
    );
    expect(fields).toBeUndefined();
    expect(errors).toEqual({
      programmeId: { key: 'validation.required' },
      category: { key: 'validation.isEnum' },
      studyHours: { key: 'validation.numberRange', params: { min: 0.5, max: 2000 } },
      credits: { key: 'validation.numberRange', params: { min: 0, max: 100 } },
      maxAge: { key: 'validation.ageOrder' },
    });
  });

  it('does not ask for a programme when editing', () => {
    expect(readCourseForm({ ...course, programmeId: '' }, false).errors).toEqual({});
  });
});

describe('programme form', () => {
  it('keeps the occupation code only for vocational and apprenticeship programmes', () => {
    const values = {
      kind: 'community',
      title: '社区书法',
      description: '',
      occupationCode: '6-31-01-03',
      confersAttainment: 'bachelor',
    };
    expect(readProgrammeForm(values).fields).toEqual({
      kind: 'community',
      title: '社区书法',
      description: '',
      occupationCode: undefined,
      confersAttainment: undefined,
    });
    expect(readProgrammeForm({ ...values, kind: 'apprenticeship' }).fields?.occupationCode).toBe(
      '6-31-01-03',
    );
    expect(readProgrammeForm({ ...values, kind: 'academic' }).fields?.confersAttainment).toBe('bachelor');
  });

  it('explains the occupation code pattern', () => {
    expect(
      readProgrammeForm({
        kind: 'vocational_skill',
        title: '电工',
        description: '',
        occupationCode: '6310103',
        confersAttainment: '',
      }).errors,
    ).toEqual({ occupationCode: { key: 'validation.occupationCode' } });
  });
});
