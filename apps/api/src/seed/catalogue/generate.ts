import { CourseCategory, CourseMode } from '@cll/domain';
import { DEMO_PROVIDERS, DEMO_TOWNSHIPS, DEMO_VILLAGES } from '../demo-county.js';
import { Clock } from './clock.js';
import { Rng, hash } from './prng.js';
import { DEMO_TEMPLATES } from './templates.js';
import { type CourseTemplate, type DemoCourse, type DemoProviderKey, type DemoSession } from './types.js';

export { DEMO_TEMPLATES };
export type {
  CourseTemplate,
  DemoCourse,
  DemoLesson,
  DemoProgramme,
  DemoProviderKey,
  DemoQuiz,
  DemoQuizQuestion,
  DemoSession,
} from './types.js';

/** Sessions start at the earliest 10 days before the seed date and end at the latest 120 days after it. */
export const FIRST_DAY = -10;
export const LAST_DAY = 120;
const SEED = 'qingxi-demo-catalogue';

const TOWNSHIP_INDEXES = DEMO_TOWNSHIPS.map((_, i) => i);
const VILLAGE_INDEXES = [0, 1, 2, 3, 4];
const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const MONDAY = 1;
const WEDNESDAY = 3;
const SATURDAY = 6;
const TIMES_OF_DAY = [
  { name: '上午', hour: 9 },
  { name: '下午', hour: 14.5 },
  { name: '晚间', hour: 19 },
];
const DEFAULT_ROOMS: Record<DemoProviderKey, string> = {
  vocational: '实训楼 A201',
  community: '多功能厅',
  elderly: '综合教室 101',
  training: '理论教室 203',
  open: '面授教室 401',
};

type Site = 'campus' | 'township' | 'outreach' | 'study-point' | 'online';
type Rhythm = 'workshop' | 'weekly' | 'intensive' | 'online' | 'term';

interface Offering {
  site: Site;
  townshipIndex?: number;
  /** What its sessions are called, Chinese and English; cohorts are numbered once their dates are known. */
  suffix: [string, string];
  numbered?: boolean;
  /** Start of term, for academic intakes. */
  termDay?: number;
}

interface Slot {
  label: string;
  day: number;
  days: number;
  startHour: number;
  endHour: number;
  /** Enrolment stays open for the first days of the session. */
  lateJoin?: boolean;
  online?: boolean;
}

function provider(key: DemoProviderKey): (typeof DEMO_PROVIDERS)[number] {
  const found = DEMO_PROVIDERS.find((p) => p.key === key);
  if (!found) throw new Error(`Unknown demo provider ${key}`);
  return found;
}

const townName = (i: number): string => DEMO_TOWNSHIPS[i].name;
const townNameEn = (i: number): string => DEMO_TOWNSHIPS[i].nameEn;
const villageName = (t: number, v: number): string => DEMO_VILLAGES[t * VILLAGE_INDEXES.length + v].name;

function isTrade(t: CourseTemplate): boolean {
  return t.providerKey === 'vocational' || t.providerKey === 'training';
}

function rhythmOf(t: CourseTemplate, site: Site): Rhythm {
  if (t.category === CourseCategory.Academic) return 'term';
  if (site === 'online') return 'online';
  if (isTrade(t) || t.category === CourseCategory.Agriculture) return 'intensive';
  return t.studyHours <= 8 ? 'workshop' : 'weekly';
}

/** Where and how often a template is offered: one entry per generated course. */
function planOfferings(t: CourseTemplate, rng: Rng, clock: Clock): Offering[] {
  const home = provider(t.providerKey).township;
  const elsewhere = (t.townships ?? TOWNSHIP_INDEXES).filter((i) => i !== home);
  if (t.category === CourseCategory.Academic) {
    const termDay = rng.int(-5, 28);
    const [term, termEn] = clock.term(termDay);
    if (t.mode === CourseMode.Online) {
      return [1, 2].map((n) => ({
        site: 'online',
        suffix: [`${term}·第${n}批`, `${termEn}, intake ${n}`],
        termDay: n === 1 ? termDay : termDay + rng.int(14, 21),
      }));
    }
    const main: Offering = { site: 'campus', townshipIndex: home, suffix: [term, termEn], termDay };
    const points = rng.sample(elsewhere, rng.int(1, 3)).map((i): Offering => ({
      site: 'study-point',
      townshipIndex: i,
      suffix: [`${term}·${townName(i)}教学点`, `${termEn}, ${townNameEn(i)} study point`],
      termDay: termDay + rng.int(0, 7),
    }));
    return [main, ...points];
  }
  if (t.mode === CourseMode.Online) {
    return Array.from({ length: rng.int(2, 4) }, () => ({
      site: 'online',
      suffix: ['', ''],
      numbered: true,
    }));
  }
  if (isTrade(t) && !t.fieldSite) {
    const cohorts = Array.from({ length: rng.int(2, 4) }, (): Offering => ({
      site: 'campus',
      townshipIndex: home,
      suffix: ['', ''],
      numbered: true,
    }));
    if (!t.outreach) return cohorts;
    const outreach = rng.sample(elsewhere, rng.int(1, 3)).map((i): Offering => ({
      site: 'outreach',
      townshipIndex: i,
      suffix: [`${townName(i)}专场`, `${townNameEn(i)} session`],
    }));
    return [...cohorts, ...outreach];
  }
  // Taught around the county: township culture stations, village halls and fields.
  const campus: Offering[] = t.room
    ? [{ site: 'campus', townshipIndex: home, suffix: ['校本部班', 'main campus'] }]
    : [];
  const candidates = t.room ? elsewhere : (t.townships ?? TOWNSHIP_INDEXES);
  const towns = rng.sample(candidates, rng.int(5, 7)).map((i): Offering => ({
    site: 'township',
    townshipIndex: i,
    suffix: t.fieldSite
      ? [`${townName(i)}田间课堂`, `${townNameEn(i)} field class`]
      : [`${townName(i)}班`, `${townNameEn(i)} class`],
  }));
  return [...campus, ...towns];
}

function workshopSlots(t: CourseTemplate, rng: Rng, n: number): Slot[] {
  const days = t.studyHours <= 4 ? 0 : 1;
  const hoursPerDay = Math.min(4, t.studyHours / (days + 1));
  return Array.from({ length: n }, () => {
    const startHour = rng.pick([9, 14]);
    const finished = rng.chance(0.15);
    const day = finished ? rng.int(FIRST_DAY, -days - 1) : rng.int(1, LAST_DAY - days);
    return { label: '', day, days, startHour, endHour: startHour + hoursPerDay };
  });
}

function weeklySlots(t: CourseTemplate, rng: Rng, clock: Clock, n: number): Slot[] {
  const classHours = t.studyHours >= 24 ? 3 : 2;
  const days = (Math.ceil(t.studyHours / classHours) - 1) * 7;
  const last = LAST_DAY - days;
  return rng.sample([1, 2, 3, 4, 5, 6], n).map((weekday) => {
    const time = rng.pick(TIMES_OF_DAY);
    const day = clock.align(rng.int(FIRST_DAY, last), weekday, last);
    const label = `${WEEKDAY_NAMES[weekday]}${time.name}班`;
    return { label, day, days, startHour: time.hour, endHour: time.hour + classHours };
  });
}

/** Full days on weekdays, evenings on weekdays, or whole weekends: `hours` of teaching in all. */
function intensiveSlots(t: CourseTemplate, rng: Rng, clock: Clock, n: number, site: Site): Slot[] {
  const spanOfWeekdays = (count: number): number => Math.floor((count - 1) / 5) * 7 + ((count - 1) % 5);
  const h = t.studyHours;
  const variants = [
    {
      label: site === 'campus' ? '日间班' : '集中培训班',
      weekday: MONDAY,
      days: spanOfWeekdays(Math.ceil(h / 6)),
      hours: [8.5, 17],
    },
    { label: '晚间班', weekday: MONDAY, days: spanOfWeekdays(Math.ceil(h / 2.5)), hours: [19, 21.5] },
    {
      label: '周末班',
      weekday: SATURDAY,
      days: (Math.ceil(Math.ceil(h / 6) / 2) - 1) * 7 + 1,
      hours: [8.5, 17],
    },
  ].filter((v, i) => (i === 0 || (site === 'campus' && h >= 24)) && v.days <= 100);
  const chosen = [variants[0], ...rng.sample(variants.slice(1), n - 1)];
  return chosen.map((v) => {
    const last = LAST_DAY - v.days;
    const day = clock.align(rng.int(FIRST_DAY, last), v.weekday, last);
    return { label: v.label, day, days: v.days, startHour: v.hours[0], endHour: v.hours[1] };
  });
}

function onlineSlots(t: CourseTemplate, rng: Rng, clock: Clock, n: number): Slot[] {
  const window = rng.int(28, 56);
  const selfPaced = {
    label: '线上自学班（随到随学）',
    day: rng.int(FIRST_DAY, LAST_DAY - window),
    days: window,
    startHour: 8,
    endHour: 22,
    lateJoin: true,
  };
  if (n === 1) return [selfPaced];
  const days = (Math.min(Math.ceil(t.studyHours / 1.5), 10) - 1) * 7;
  const day = clock.align(rng.int(FIRST_DAY, LAST_DAY - days), WEDNESDAY, LAST_DAY - days);
  return [selfPaced, { label: '直播互动班（每周三晚）', day, days, startHour: 19.5, endHour: 21 }];
}

/** An academic term from `termDay`: weekend tutorials on site, or a term of online study. */
function termSlots(o: Offering, rng: Rng, clock: Clock, n: number): Slot[] {
  const start = o.termDay ?? 0;
  const onSite = o.site !== 'online';
  const first = onSite ? clock.align(start, SATURDAY, LAST_DAY - 63) : start;
  const days = Math.min(rng.int(63, 84), LAST_DAY - first);
  const main: Slot = onSite
    ? { label: '周末面授辅导班', day: first, days, startHour: 8.5, endHour: 17, lateJoin: true }
    : { label: '线上学习班', day: first, days, startHour: 8, endHour: 22, lateJoin: true, online: true };
  if (n === 1 || o.site === 'study-point') return [main];
  const alongside: Slot = onSite
    ? { label: '线上学习班', day: first, days, startHour: 8, endHour: 22, lateJoin: true, online: true }
    : {
        label: '直播答疑班（每周四晚）',
        day: clock.align(first, 4, first + 6),
        days: days - 7,
        startHour: 19.5,
        endHour: 21,
        online: true,
      };
  return [main, alongside];
}

function townshipVenue(t: CourseTemplate, town: number, rng: Rng): string {
  const name = townName(town);
  return t.providerKey === 'elderly'
    ? rng.pick([`${name}老年学校教室`, `${name}老年活动中心`, `${name}文化站二楼教室`])
    : rng.pick([`${name}文化站二楼教室`, `${name}社区教育学校多功能厅`, `${name}成人文化技术学校`]);
}

function capacity(rhythm: Rhythm, online: boolean, rng: Rng): number {
  if (!online && rng.chance(0.05)) return rng.int(5, 10);
  const [min, max] = {
    workshop: [30, 60],
    weekly: [20, 45],
    intensive: [15, 40],
    online: [40, 60],
    term: [30, 60],
  }[rhythm];
  return rng.int(min, max);
}

function sessionsFor(t: CourseTemplate, o: Offering, rng: Rng, clock: Clock): DemoSession[] {
  const rhythm = rhythmOf(t, o.site);
  const n = rhythm === 'workshop' ? rng.int(1, 3) : rng.chance(0.6) ? 1 : 2;
  const slots =
    rhythm === 'workshop'
      ? workshopSlots(t, rng, n)
      : rhythm === 'weekly'
        ? weeklySlots(t, rng, clock, n)
        : rhythm === 'intensive'
          ? intensiveSlots(t, rng, clock, n, o.site)
          : rhythm === 'online'
            ? onlineSlots(t, rng, clock, n)
            : termSlots(o, rng, clock, n);
  if (t.mode === CourseMode.Blended && (rhythm === 'intensive' || rhythm === 'weekly') && rng.chance(0.4)) {
    const [first] = slots;
    slots.push({ ...first, label: '线上学习班', startHour: 8, endHour: 22, lateJoin: true, online: true });
  }
  const town = o.townshipIndex ?? 0;
  const villages = rng.sample(VILLAGE_INDEXES, slots.length);
  const sharedVenue = townshipVenue(t, town, rng);
  const sessions = slots.map((slot, i) => {
    const online = o.site === 'online' || slot.online === true;
    const place: Pick<DemoSession, 'townshipIndex' | 'villageIndex' | 'venue'> & { name?: string } = {};
    if (!online) {
      place.townshipIndex = town;
      place.name = townName(town);
      if (o.site === 'campus') {
        const p = provider(t.providerKey);
        place.venue = `${p.name}${t.room ?? DEFAULT_ROOMS[p.key]}`;
      } else if (o.site === 'outreach' || o.site === 'study-point') {
        place.venue = `${townName(town)}成人文化技术学校${o.site === 'study-point' ? '教学点' : ''}`;
      } else if (t.fieldSite || (rhythm === 'workshop' && rng.chance(0.6))) {
        place.villageIndex = villages[i];
        place.name = villageName(town, villages[i]);
        place.venue = `${place.name}${t.fieldSite ?? rng.pick(['文化礼堂', '党群服务中心'])}`;
      } else {
        place.venue = rhythm === 'workshop' ? townshipVenue(t, town, rng) : sharedVenue;
      }
    }
    const opensDay = slot.day - rng.int(14, 30);
    const closesDay =
      slot.lateJoin || slot.days >= 14
        ? slot.day + rng.int(0, Math.min(7, slot.days - 1))
        : slot.day - rng.int(1, 3);
    const session: DemoSession = {
      label: slot.label,
      startsAt: clock.at(slot.day, slot.startHour),
      endsAt: clock.at(slot.day + slot.days, slot.endHour),
      capacity: capacity(rhythm, online, rng),
      online,
      ...(place.townshipIndex === undefined ? {} : { townshipIndex: place.townshipIndex }),
      ...(place.villageIndex === undefined ? {} : { villageIndex: place.villageIndex }),
      ...(place.venue === undefined ? {} : { venue: place.venue }),
      enrolmentOpensAt: clock.at(opensDay, 8),
      enrolmentClosesAt: clock.at(closesDay, 17),
    };
    return { session, placeName: place.name ?? '' };
  });
  sessions.sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
  if (rhythm === 'workshop') {
    sessions.forEach((s, i) => (s.session.label = `第${i + 1}场·${s.placeName}`));
  }
  return sessions.map((s) => s.session);
}

/** A session's label: where or which intake it is, then its own rhythm (溪口镇班·周二上午班, 第2期·晚间班). */
function labelOf(offering: string, slot: string): string {
  // A workshop's slot already names its place and number (第1场·上坪村).
  if (!offering || slot.startsWith('第')) return slot || offering;
  return slot ? `${offering}·${slot}` : offering;
}

/**
 * One course per template: every township class, cohort, outreach session and study point of it is a session of
 * that one course, so the catalogue lists the course once and its sessions say where and when.
 */
function courseFor(t: CourseTemplate, clock: Clock): DemoCourse {
  const rng = new Rng(hash(`${SEED}:${t.key}`));
  const built = planOfferings(t, rng, clock).map((offering) => ({
    offering,
    sessions: sessionsFor(t, offering, rng, clock),
  }));
  built
    .filter((b) => b.offering.numbered)
    .sort((a, b) => a.sessions[0].startsAt.getTime() - b.sessions[0].startsAt.getTime())
    .forEach((b, i) => {
      b.offering.suffix = [`第${i + 1}期`, `cohort ${i + 1}`];
    });
  const sessions = built
    .flatMap(({ offering, sessions: list }) =>
      list.map((s) => ({ ...s, label: labelOf(offering.suffix[0], s.label) })),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.label.localeCompare(b.label));
  return {
    key: t.key,
    templateKey: t.key,
    providerKey: t.providerKey,
    programme: { ...t.programme },
    title: t.title,
    titleEn: t.titleEn,
    category: t.category,
    mode: t.mode,
    studyHours: t.studyHours,
    credits: t.credits,
    ...(t.minAge === undefined ? {} : { minAge: t.minAge }),
    ...(t.maxAge === undefined ? {} : { maxAge: t.maxAge }),
    coverText: t.coverText,
    description: t.description,
    lessons: structuredClone(t.lessons),
    sessions,
  };
}

/**
 * The demo catalogue: one course per template (about sixty), each with its sessions in several townships, cohorts
 * or terms (about 480 sessions in all).
 * Which courses exist does not depend on `seedDate`; their timetables are placed around it (from 10 days
 * before to 120 days after, China Standard Time). The same `seedDate` always gives the same catalogue.
 */
export function generateDemoCatalogue(seedDate: Date): DemoCourse[] {
  const clock = new Clock(seedDate);
  return DEMO_TEMPLATES.map((t) => courseFor(t, clock));
}
