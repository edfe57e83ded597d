import {
  AttainmentLevel,
  COURSE_CATEGORIES,
  CourseMode,
  LessonKind,
  OCCUPATION_CODE_PATTERN,
  ProgrammeKind,
  QuestionKind,
} from '@cll/domain';
import { describe, expect, it } from 'vitest';
import { DEMO_PROVIDERS, DEMO_TOWNSHIPS } from '../demo-county.js';
import { DEMO_TEMPLATES, FIRST_DAY, LAST_DAY, generateDemoCatalogue } from './generate.js';

const SEED_DATE = new Date('2026-03-01T02:00:00Z');
const DAY = 86_400_000;
const courses = generateDemoCatalogue(SEED_DATE);
const sessions = courses.flatMap((c) => c.sessions.map((s) => ({ course: c, ...s })));

describe('demo catalogue templates', () => {
  it('has about sixty templates with unique keys, from known providers', () => {
    expect(DEMO_TEMPLATES.length).toBeGreaterThanOrEqual(55);
    expect(DEMO_TEMPLATES.length).toBeLessThanOrEqual(65);
    expect(new Set(DEMO_TEMPLATES.map((t) => t.key)).size).toBe(DEMO_TEMPLATES.length);
    const providers = new Set<string>(DEMO_PROVIDERS.map((p) => p.key));
    for (const t of DEMO_TEMPLATES) expect(providers.has(t.providerKey), t.key).toBe(true);
  });

  it('keeps cover texts short and descriptions with a list of what one learns', () => {
    for (const t of DEMO_TEMPLATES) {
      expect(t.coverText.length, t.key).toBeLessThanOrEqual(60);
      expect(t.description, t.key).toMatch(/\n- /);
      expect(t.titleEn, t.key).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('has sensible age limits', () => {
    for (const t of DEMO_TEMPLATES) {
      if (t.minAge !== undefined && t.maxAge !== undefined) expect(t.minAge, t.key).toBeLessThan(t.maxAge);
      if (t.providerKey === 'elderly') expect(t.minAge, t.key).toBeGreaterThanOrEqual(50);
    }
  });
});

describe('generateDemoCatalogue', () => {
  it('gives one course per template, with unique keys and titles and about 480 sessions in all', () => {
    expect(courses.length).toBe(DEMO_TEMPLATES.length);
    expect(new Set(courses.map((c) => c.key)).size).toBe(courses.length);
    expect(new Set(courses.map((c) => c.title)).size).toBe(courses.length);
    expect(sessions.length).toBeGreaterThanOrEqual(400);
    expect(sessions.length).toBeLessThanOrEqual(560);
  });

  it('lists each course once: no title is another title of its provider with an intake or class suffix', () => {
    // The rule written a second way: strip any bracketed ending and compare within each provider.
    const base = (title: string) => title.replace(/（[^（）]*(期|班|批|专场|课堂|教学点)[^（）]*）$/, '');
    for (const c of courses) expect(base(c.title), c.key).toBe(c.title);
    const seen = new Set<string>();
    for (const c of courses) {
      const key = `${c.providerKey}:${base(c.title)}`;
      expect(seen.has(key), c.key).toBe(false);
      seen.add(key);
    }
  });

  it('gives courses taught around the county sessions in several townships and on several dates', () => {
    const spread = courses.filter(
      (c) => new Set(c.sessions.filter((s) => !s.online).map((s) => s.townshipIndex)).size >= 3,
    );
    expect(spread.length).toBeGreaterThanOrEqual(courses.length / 3);
    for (const c of courses) {
      const starts = c.sessions.map((s) => s.startsAt.getTime());
      expect(starts, c.key).toEqual([...starts].sort((a, b) => a - b));
      expect(new Set(c.sessions.map((s) => s.label)).size, c.key).toBeGreaterThanOrEqual(
        Math.min(2, c.sessions.length),
      );
    }
  });

  it('is deterministic', () => {
    expect(generateDemoCatalogue(new Date(SEED_DATE))).toEqual(courses);
    const later = generateDemoCatalogue(new Date(SEED_DATE.getTime() + 30 * DAY));
    expect(later.map((c) => c.key)).toEqual(courses.map((c) => c.key));
  });

  it('gives every vocational_skill programme an occupation code', () => {
    const vocational = courses.filter((c) => c.programme.kind === ProgrammeKind.VocationalSkill);
    expect(vocational.length).toBeGreaterThan(0);
    for (const c of vocational) {
      expect(c.programme.occupationCode, c.key).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
      expect(c.programme.occupationCode, c.key).toMatch(OCCUPATION_CODE_PATTERN);
    }
  });

  it('makes every academic programme confer an attainment level', () => {
    const academic = courses.filter((c) => c.programme.kind === ProgrammeKind.Academic);
    expect(academic.length).toBeGreaterThan(0);
    const levels: string[] = Object.values(AttainmentLevel);
    for (const c of academic) expect(levels, c.key).toContain(c.programme.confersAttainment);
  });

  it('uses every programme kind', () => {
    const kinds = new Set(courses.map((c) => c.programme.kind));
    expect([...kinds].sort()).toEqual(Object.values(ProgrammeKind).sort());
  });

  it.each([SEED_DATE, new Date('2026-08-15T15:30:00Z'), new Date('2027-01-20T23:59:00Z')])(
    'times every session and its enrolment window consistently (seed %s)',
    (seedDate) => {
      const all = generateDemoCatalogue(seedDate).flatMap((c) =>
        c.sessions.map((s) => ({ course: c, ...s })),
      );
      const first = seedDate.getTime() + (FIRST_DAY - 1) * DAY;
      const last = seedDate.getTime() + (LAST_DAY + 1) * DAY;
      for (const s of all) {
        const where = `${s.course.key} ${s.label}`;
        expect(s.endsAt.getTime(), where).toBeGreaterThan(s.startsAt.getTime());
        expect(s.enrolmentClosesAt.getTime(), where).toBeGreaterThan(s.enrolmentOpensAt.getTime());
        expect(s.enrolmentClosesAt.getTime(), where).toBeLessThanOrEqual(s.endsAt.getTime());
        expect(s.startsAt.getTime(), where).toBeGreaterThanOrEqual(first);
        expect(s.endsAt.getTime(), where).toBeLessThanOrEqual(last);
      }
      expect(all.some((s) => s.endsAt < seedDate)).toBe(true);
      expect(all.some((s) => s.startsAt < seedDate && s.endsAt > seedDate)).toBe(true);
      expect(all.some((s) => s.startsAt > seedDate)).toBe(true);
    },
  );

  it('gives every course 2 to 24 sessions with sensible capacities and places', () => {
    for (const c of courses) {
      expect(c.sessions.length, c.key).toBeGreaterThanOrEqual(2);
      expect(c.sessions.length, c.key).toBeLessThanOrEqual(24);
    }
    for (const s of sessions) {
      const where = `${s.course.key} ${s.label}`;
      expect(s.capacity >= 5 && s.capacity <= 60, where).toBe(true);
      if (s.online) {
        expect(s.townshipIndex, where).toBeUndefined();
      } else {
        expect(s.townshipIndex, where).toBeGreaterThanOrEqual(0);
        expect(s.townshipIndex, where).toBeLessThan(DEMO_TOWNSHIPS.length);
        expect(s.venue, where).toBeTruthy();
      }
      if (s.villageIndex !== undefined) {
        expect(s.townshipIndex, where).toBeDefined();
        expect(s.villageIndex, where).toBeGreaterThanOrEqual(0);
        expect(s.villageIndex, where).toBeLessThanOrEqual(4);
      }
    }
    expect(sessions.some((s) => s.capacity <= 10)).toBe(true);
  });

  it('gives online courses only online sessions, and offline ones a session in a township', () => {
    for (const c of courses) {
      if (c.mode === CourseMode.Online)
        expect(
          c.sessions.every((s) => s.online),
          c.key,
        ).toBe(true);
      if (c.mode !== CourseMode.Online) {
        expect(
          c.sessions.some((s) => !s.online && s.townshipIndex !== undefined),
          c.key,
        ).toBe(true);
      }
      if (c.mode === CourseMode.Offline)
        expect(
          c.sessions.every((s) => !s.online),
          c.key,
        ).toBe(true);
    }
  });

  it('gives every course lessons, mostly with a quiz, and valid quiz answers', () => {
    for (const c of courses) {
      expect(c.lessons.length, c.key).toBeGreaterThanOrEqual(2);
      expect(c.lessons.length, c.key).toBeLessThanOrEqual(4);
      for (const lesson of c.lessons) {
        if (lesson.kind === LessonKind.Video) {
          expect(lesson.videoUrl, c.key).toMatch(/^https:\/\/media\.qingxi\.example\/.+\.mp4$/);
          expect(lesson.durationMinutes, c.key).toBeGreaterThan(0);
        }
        if (lesson.kind !== LessonKind.Quiz) continue;
        const { passMark, questions } = lesson.quiz;
        expect(passMark >= 60 && passMark <= 80, c.key).toBe(true);
        expect(questions.length >= 2 && questions.length <= 3, c.key).toBe(true);
        for (const q of questions) {
          const where = `${c.key}: ${q.prompt}`;
          expect(q.options.length >= 3 && q.options.length <= 4, where).toBe(true);
          expect(new Set(q.correct).size, where).toBe(q.correct.length);
          for (const i of q.correct)
            expect(Number.isInteger(i) && i >= 0 && i < q.options.length, where).toBe(true);
          if (q.kind === QuestionKind.Single) expect(q.correct, where).toHaveLength(1);
          if (q.kind === QuestionKind.Multiple) expect(q.correct.length, where).toBeGreaterThanOrEqual(2);
        }
      }
    }
    const withQuiz = courses.filter((c) => c.lessons.some((l) => l.kind === LessonKind.Quiz));
    expect(withQuiz.length / courses.length).toBeGreaterThan(0.8);
  });

  it('represents every category', () => {
    expect(new Set(courses.map((c) => c.category))).toEqual(new Set(COURSE_CATEGORIES));
  });

  it.each([
    '电工',
    '智能手机',
    '书法',
    '养老护理',
    '电子商务',
    '太极',
    '茶叶',
    '急救',
    '微信',
    '中医',
    '摄影',
    '焊工',
    '家庭教育',
    '农业机械',
  ])('has courses titled with %s', (word) => {
    expect(courses.some((c) => c.title.includes(word))).toBe(true);
  });
});
