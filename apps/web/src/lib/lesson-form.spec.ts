import { describe, expect, it } from 'vitest';
import { readLessonForm, type LessonValues } from './lesson-form.js';
import { emptyQuizDraft } from './quiz-form.js';

const lesson: LessonValues = {
  kind: 'text',
  title: '安全用电常识',
  body: '',
  videoUrl: '',
  durationMinutes: '',
  required: 'true',
};

describe('lesson form', () => {
  it('asks a reading lesson for its text, and sends only the fields of its kind', () => {
    expect(readLessonForm(lesson, emptyQuizDraft()).errors).toEqual({ body: { key: 'validation.required' } });
    expect(
      readLessonForm({ ...lesson, body: '# 断电', videoUrl: 'https://x.example/v.mp4' }, emptyQuizDraft())
        .fields,
    ).toEqual({
      kind: 'text',
      title: '安全用电常识',
      body: '# 断电',
      videoUrl: undefined,
      durationMinutes: undefined,
      required: true,
      quiz: undefined,
    });
  });

  it('accepts only https video links and a length in minutes', () => {
    const video = { ...lesson, kind: 'video', videoUrl: 'http://x.example/v.mp4', durationMinutes: '0' };
    expect(readLessonForm(video, emptyQuizDraft()).errors).toEqual({
      videoUrl: { key: 'validation.httpsUrl' },
      durationMinutes: { key: 'validation.wholeNumberRange', params: { min: 1, max: 600 } },
    });
    for (const url of ['javascript:alert(1)', 'https://', 'media.example/v.mp4']) {
      expect(
        readLessonForm({ ...video, videoUrl: url, durationMinutes: '' }, emptyQuizDraft()).errors,
        url,
      ).toEqual({
        videoUrl: { key: 'validation.httpsUrl' },
      });
    }
    expect(
      readLessonForm(
        { ...video, videoUrl: 'https://media.example/v.mp4', durationMinutes: '18', required: '' },
        emptyQuizDraft(),
      ).fields,
    ).toMatchObject({ videoUrl: 'https://media.example/v.mp4', durationMinutes: 18, required: false });
  });

  it('checks the quiz of a quiz lesson', () => {
    const { errors } = readLessonForm({ ...lesson, kind: 'quiz' }, emptyQuizDraft());
    expect(errors).toEqual({ quiz: { key: 'validation.quizQuestionsRequired' } });
  });

  it('refuses a kind it does not know', () => {
    expect(readLessonForm({ ...lesson, kind: 'podcast' }, emptyQuizDraft()).errors).toEqual({
      _form: { key: 'validation.isEnum' },
    });
  });
});
