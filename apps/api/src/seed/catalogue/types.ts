import {
  AttainmentLevel,
  CourseCategory,
  CourseMode,
  LessonKind,
  ProgrammeKind,
  QuestionKind,
} from '@cll/domain';
import { DEMO_PROVIDERS } from '../demo-county.js';

/** Shapes of the demo catalogue, plus small builders that keep the template files readable. */

export type DemoProviderKey = (typeof DEMO_PROVIDERS)[number]['key'];

export interface DemoProgramme {
  kind: ProgrammeKind;
  title: string;
  /** 国家职业分类大典 code, d-dd-dd-dd; always set for vocational_skill programmes. */
  occupationCode?: string;
  /** Always set for academic programmes. */
  confersAttainment?: AttainmentLevel;
}

export interface DemoQuizQuestion {
  prompt: string;
  kind: QuestionKind;
  options: string[];
  /** 0-based indexes into `options`. */
  correct: number[];
}

export interface DemoQuiz {
  passMark: number;
  questions: DemoQuizQuestion[];
}

export type DemoLesson =
  | { kind: LessonKind.Text; title: string; body: string }
  | { kind: LessonKind.Video; title: string; videoUrl: string; durationMinutes: number }
  | { kind: LessonKind.Quiz; title: string; quiz: DemoQuiz };

export interface CourseTemplate {
  key: string;
  providerKey: DemoProviderKey;
  programme: DemoProgramme;
  title: string;
  titleEn: string;
  category: CourseCategory;
  mode: CourseMode;
  studyHours: number;
  credits: number;
  minAge?: number;
  maxAge?: number;
  /** Plain text, at most 60 characters. */
  coverText: string;
  /** Markdown. */
  description: string;
  lessons: DemoLesson[];
  /** Generator hint: the room on the provider's own campus where it is taught (e.g. '实训楼 A201'). */
  room?: string;
  /** Generator hint: taught on a farm or field in a village (e.g. '高山茶园'), not in a classroom. */
  fieldSite?: string;
  /** Generator hint: indexes of the townships where it is usually offered (default: any). */
  townships?: number[];
  /** Generator hint: a campus course that is also taken out to township adult schools. */
  outreach?: boolean;
}

export interface DemoSession {
  label: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  online: boolean;
  /** Index into DEMO_TOWNSHIPS (0–11). */
  townshipIndex?: number;
  /** Index of the village within its township (0–4). */
  villageIndex?: number;
  venue?: string;
  enrolmentOpensAt: Date;
  enrolmentClosesAt: Date;
}

export interface DemoCourse {
  /** Unique within the catalogue, e.g. 'calligraphy-3'. */
  key: string;
  templateKey: string;
  providerKey: DemoProviderKey;
  programme: DemoProgramme;
  title: string;
  titleEn: string;
  category: CourseCategory;
  mode: CourseMode;
  studyHours: number;
  credits: number;
  minAge?: number;
  maxAge?: number;
  coverText: string;
  description: string;
  lessons: DemoLesson[];
  sessions: DemoSession[];
}

/** A Markdown description: a short paragraph, then what the learner takes away. */
export function desc(paragraph: string, learns: string[]): string {
  return `${paragraph}\n\n**你将学到：**\n\n${learns.map((l) => `- ${l}`).join('\n')}`;
}

export function text(title: string, body: string): DemoLesson {
  return { kind: LessonKind.Text, title, body };
}

/** `path` is relative to the demo media host, without the extension. */
export function video(title: string, path: string, durationMinutes: number): DemoLesson {
  return {
    kind: LessonKind.Video,
    title,
    videoUrl: `https://media.qingxi.example/${path}.mp4`,
    durationMinutes,
  };
}

export function quiz(title: string, passMark: number, questions: DemoQuizQuestion[]): DemoLesson {
  return { kind: LessonKind.Quiz, title, quiz: { passMark, questions } };
}

export function single(prompt: string, options: string[], correct: number): DemoQuizQuestion {
  return { prompt, kind: QuestionKind.Single, options, correct: [correct] };
}

export function multiple(prompt: string, options: string[], correct: number[]): DemoQuizQuestion {
  return { prompt, kind: QuestionKind.Multiple, options, correct };
}
