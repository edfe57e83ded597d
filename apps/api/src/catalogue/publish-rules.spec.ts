import { CourseMode, ProgrammeKind, ProviderStatus, PublishProblem, QuestionKind } from '@cll/domain';
import { describe, expect, it } from 'vitest';
import { type PublishCheckInput, publishProblems, quizProblems } from './publish-rules.js';

const session = (over: Partial<PublishCheckInput['sessions'][number]> = {}) => ({
  id: 's1',
  startsAt: new Date('2026-12-01T09:00:00+08:00'),
  endsAt: new Date('2026-12-01T11:00:00+08:00'),
  capacity: 30,
  online: false,
  ...over,
});
const input = (over: Partial<PublishCheckInput> = {}): PublishCheckInput => ({
  mode: CourseMode.Offline,
  providerStatus: ProviderStatus.Approved,
  programme: { kind: ProgrammeKind.Community, occupationCode: null, confersAttainment: null },
  lessonCount: 1,
  sessions: [session()],
  ...over,
});
const codes = (i: PublishCheckInput) => publishProblems(i).map((p) => p.code);

describe('publishProblems', () => {
  it('accepts a complete community course', () => {
    expect(codes(input())).toEqual([]);
  });

  it('refuses a course with neither lesson nor session', () => {
    expect(codes(input({ mode: CourseMode.Online, lessonCount: 0, sessions: [] }))).toEqual([
      PublishProblem.NoLessonOrSession,
    ]);
  });

  it('needs an occupation code for vocational and apprenticeship programmes, and a level for academic ones', () => {
    const vocational = { kind: ProgrammeKind.VocationalSkill, occupationCode: null, confersAttainment: null };
    expect(codes(input({ programme: vocational }))).toEqual([PublishProblem.OccupationCodeMissing]);
    expect(codes(input({ programme: { ...vocational, occupationCode: '6-31-01-03' } }))).toEqual([]);
    expect(codes(input({ programme: { ...vocational, kind: ProgrammeKind.Apprenticeship } }))).toEqual([
      PublishProblem.OccupationCodeMissing,
    ]);
    expect(codes(input({ programme: { ...vocational, kind: ProgrammeKind.Academic } }))).toEqual([
      PublishProblem.AttainmentLevelMissing,
    ]);
  });

  it('needs an in-person session for offline and blended courses, but not for online ones', () => {
    expect(codes(input({ sessions: [session({ online: true })] }))).toEqual([
      PublishProblem.OfflineWithoutSession,
    ]);
    expect(codes(input({ mode: CourseMode.Blended, sessions: [] }))).toEqual([
      PublishProblem.OfflineWithoutSession,
    ]);
    expect(codes(input({ mode: CourseMode.Online, sessions: [] }))).toEqual([]);
  });

  it('names the session that ends before it starts or has no seats', () => {
    const bad = session({ id: 'bad', endsAt: new Date('2026-12-01T08:00:00+08:00'), capacity: 0 });
    expect(publishProblems(input({ sessions: [session(), bad] }))).toEqual([
      expect.objectContaining({ code: PublishProblem.SessionEndsBeforeStart, sessionId: 'bad' }),
      expect.objectContaining({ code: PublishProblem.SessionCapacityInvalid, sessionId: 'bad' }),
    ]);
  });

  it('refuses while the provider is not approved', () => {
    expect(codes(input({ providerStatus: ProviderStatus.Suspended }))).toEqual([
      PublishProblem.ProviderNotApproved,
    ]);
  });
});

describe('quizProblems', () => {
  const q = (kind: QuestionKind, correct: number[]) => ({ kind, options: ['a', 'b', 'c'], correct });

  it('accepts one answer for single choice and several for multiple choice', () => {
    expect(
      quizProblems({
        passMark: 60,
        questions: [q(QuestionKind.Single, [1]), q(QuestionKind.Multiple, [0, 2])],
      }),
    ).toEqual([]);
  });

  it('names the question whose answers cannot be right', () => {
    const problems = quizProblems({
      passMark: 60,
      questions: [
        q(QuestionKind.Single, [0, 1]),
        q(QuestionKind.Multiple, [3]),
        q(QuestionKind.Multiple, []),
        q(QuestionKind.Multiple, [1, 1]),
      ],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'quiz.questions.0.correct',
      'quiz.questions.1.correct',
      'quiz.questions.2.correct',
      'quiz.questions.3.correct',
    ]);
  });
});
