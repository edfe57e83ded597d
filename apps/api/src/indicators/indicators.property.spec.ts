import { IndicatorCode as C, Role, rollingWindow, suppressCounts } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1, VILLAGE_B1 } from '../testing/builders.js';
import {
  type CourseRef,
  indicatorCourse,
  insertCompletion,
  insertResident,
} from '../testing/indicator-builders.js';
import { type Actor, makeActor, makeProvider, withSecondFactor } from '../testing/offer-builders.js';
import {
  type CellView,
  disclosures,
  type FigureView,
  type Relation,
} from '../testing/suppression-checker.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import type { IndicatorFigure, IndicatorResults } from './indicator-engine.js';
import { IndicatorsService } from './indicators.service.js';

/**
 * Property tests over small generated counties: the figures are worked out a second way here, in plain TypeScript
 * from the generated people (never by the engine's SQL), and the published tables are attacked as linear constraints.
 * Each county lives in a year of its own (its completions are dated in that year), so counties do not mix.
 */
const bearer = { type: 'bearer' } as const;
let t: TestApp;
let admin: Actor;

const TOWNSHIP_C = '330799103000';
const VILLAGE_C1 = '330799103201';
const TOWNSHIPS: Array<[string, string]> = [
  [TOWNSHIP_A, VILLAGE_A1],
  [TOWNSHIP_B, VILLAGE_B1],
  [TOWNSHIP_C, VILLAGE_C1],
];
/** Baseline bands: 0-14, 15-24, 25-59, 60-64, 65+ (the age a person has on the reference date 31 December). */
const AGES = [18, 30, 45, 61, 70];
const bandOf = (age: number) =>
  age <= 14 ? '0-14' : age <= 24 ? '15-24' : age <= 59 ? '25-59' : age <= 64 ? '60-64' : '65+';

type CourseKey = 'vocA' | 'vocB' | 'community' | 'culture';
const CATEGORY: Record<CourseKey, string> = {
  vocA: 'vocational_skills',
  vocB: 'vocational_skills',
  community: 'community_life',
  culture: 'culture_arts',
};
let courses: Record<CourseKey, CourseRef>;

interface Person {
  township: string;
  village: string;
  sex: 'male' | 'female';
  age: number;
  completions: Array<{ course: CourseKey; on: string; certificate: boolean }>;
}

function random(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** A small county: a handful of people per township, each with up to three completions in the year. */
function generateCounty(seed: number, year: number): Person[] {
  const rand = random(seed);
  const people: Person[] = [];
  const size = 6 + rand(60);
  for (let i = 0; i < size; i += 1) {
    const [township, village] = TOWNSHIPS[rand(rand(4) === 0 ? 3 : 2)];
    const keys = (['vocA', 'vocB', 'community', 'culture'] as CourseKey[]).filter(() => rand(3) === 0);
    people.push({
      township,
      village,
      sex: rand(2) === 0 ? 'male' : 'female',
      age: AGES[rand(AGES.length)],
      completions: (keys.length ? keys : ['community' as CourseKey]).map((course) => {
        // A third of the completions fall in December, so the 4-week window has something to count.
        const month = rand(3) === 0 ? 12 : 1 + rand(12);
        const day = 1 + rand(28);
        return {
          course,
          on: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          certificate: rand(10) < 7,
        };
      }),
    });
  }
  return people;
}

async function insertCounty(people: Person[], year: number, order: 'forward' | 'reverse' = 'forward') {
  const list = order === 'forward' ? people : [...people].reverse();
  for (const p of list) {
    const id = await insertResident(t, {
      birthDate: `${year - p.age}-06-15`,
      sex: p.sex,
      township: p.township,
      village: p.village,
    });
    for (const c of p.completions) {
      await insertCompletion(t, id, courses[c.course], c.on, CATEGORY[c.course], c.certificate);
    }
  }
}

// ---- The definitions written a second way ---------------------------------------------------------------------

interface Expected {
  value: number;
  people: number;
}
type Table = Map<string, Expected>; // 'total' or 'dimension:key'

/** Counts facts (person, attributes) into a table of person-times or distinct people by total and breakdown. */
function tabulate(
  facts: Array<{ person: number; attrs: Record<string, string> }>,
  dims: string[],
  counting: 'times' | 'persons',
): Table {
  const cells = new Map<string, { times: number; people: Set<number> }>();
  const add = (key: string, person: number) => {
    const c = cells.get(key) ?? { times: 0, people: new Set<number>() };
    c.times += 1;
    c.people.add(person);
    cells.set(key, c);
  };
  for (const f of facts) {
    add('total', f.person);
    for (const d of dims) add(`${d}:${f.attrs[d]}`, f.person);
  }
  const table: Table = new Map();
  for (const [key, c] of cells) {
    table.set(key, { value: counting === 'times' ? c.times : c.people.size, people: c.people.size });
  }
  if (!table.has('total')) table.set('total', { value: 0, people: 0 });
  return table;
}

function expectedFigures(people: Person[], year: number): Map<C, Table> {
  const ref = `${year}-12-31`;
  const w4 = rollingWindow(ref, '4w');
  const facts = people.flatMap((p, person) =>
    p.completions.map((c) => ({
      person,
      on: c.on,
      course: c.course,
      certificate: c.certificate,
      age: p.age,
      attrs: { township: p.township, age_band: bandOf(p.age), sex: p.sex, category: CATEGORY[c.course] },
    })),
  );
  const all = ['township', 'age_band', 'sex', 'category'];
  const adults = facts.filter((f) => f.age >= 25 && f.age <= 64);
  const vocational = facts.filter((f) => CATEGORY[f.course] === 'vocational_skills');
  return new Map<C, Table>([
    [C.Completions, tabulate(facts, all, 'times')],
    [
      C.CertificatesIssued,
      tabulate(
        facts.filter((f) => f.certificate),
        ['township', 'category'],
        'times',
      ),
    ],
    [C.SkillsTrainingVolume, tabulate(vocational, ['township', 'age_band', 'sex'], 'times')],
    [C.SkillsTrainees, tabulate(vocational, ['township', 'age_band', 'sex'], 'persons')],
    [C.Participation12m, tabulate(adults, all, 'persons')],
    [
      C.Participation4w,
      tabulate(
        adults.filter((f) => f.on >= w4.first && f.on <= w4.last),
        all,
        'persons',
      ),
    ],
    [
      C.ElderlyParticipation,
      tabulate(
        facts.filter((f) => f.age >= 60),
        all,
        'persons',
      ),
    ],
  ]);
}

const GROUP = [
  C.Participation12m,
  C.Participation4w,
  C.ElderlyParticipation,
  C.SkillsTrainingVolume,
  C.SkillsTrainees,
  C.Completions,
  C.CertificatesIssued,
];
/** What any reader of the definitions knows: cell by cell, one figure is at most another. */
const RELATIONS: Relation[] = [
  { small: C.Participation4w, large: C.Participation12m },
  { small: C.Participation12m, large: C.Completions },
  { small: C.SkillsTrainees, large: C.SkillsTrainingVolume },
  { small: C.SkillsTrainingVolume, large: C.Completions },
  { small: C.CertificatesIssued, large: C.Completions },
  // The same people: residents 60-64 who took part, in both rates.
  {
    small: C.ElderlyParticipation,
    large: C.Participation12m,
    only: { dimension: 'age_band', keys: ['60-64'] },
  },
  {
    small: C.Participation12m,
    large: C.ElderlyParticipation,
    only: { dimension: 'age_band', keys: ['60-64'] },
  },
];
const PERSON_FIGURES = [C.Participation12m, C.Participation4w, C.ElderlyParticipation];

/** The engine's figure as a table of the same shape, to compare with the expected one. */
function engineTable(f: IndicatorFigure): Table {
  const table: Table = new Map([['total', { value: f.numerator, people: f.people ?? -1 }]]);
  for (const [d, cells] of Object.entries(f.breakdowns)) {
    for (const c of cells ?? []) table.set(`${d}:${c.key}`, { value: c.numerator, people: c.people ?? -1 });
  }
  return table;
}
const sorted = (table: Table) => [...table.entries()].sort(([a], [b]) => a.localeCompare(b));

interface PublishedFigure {
  code: C;
  numerator: number | null;
  breakdowns: Record<string, Array<{ key: string; numerator: number | null }>>;
}

function views(published: PublishedFigure[], expected: Map<C, Table>): FigureView[] {
  return GROUP.map((code) => {
    const figure = published.find((f) => f.code === code) as PublishedFigure;
    const truth = expected.get(code) as Table;
    const cell = (key: string, shown: number | null): CellView => {
      const e = truth.get(key) ?? { value: 0, people: 0 };
      return { key, shown, value: e.value, people: e.people };
    };
    return {
      code,
      total: cell('total', figure.numerator),
      lines: Object.fromEntries(
        Object.entries(figure.breakdowns).map(([d, cells]) => [
          d,
          cells.map((c) => ({ ...cell(`${d}:${c.key}`, c.numerator), key: c.key })),
        ]),
      ),
      covering: PERSON_FIGURES.includes(code) ? ['category'] : [],
    };
  });
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await makeActor(t, Role.Learner);
  await t.db.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'bureau_admin')`, [admin.id]);
  await withSecondFactor(t, admin);
  await t.db.query(
    `INSERT INTO townships (code, name, name_en) VALUES ($1, '测试三镇', 'Test Three Town');
     `.trim(),
    [TOWNSHIP_C],
  );
  await t.db.query(
    `INSERT INTO villages (code, township_code, name, name_en) VALUES ($1, $2, '三村', 'Village Three')`,
    [VILLAGE_C1, TOWNSHIP_C],
  );
  // A baseline of 2020 in the bands above, large enough that no denominator is small.
  const [b] = await t.db.query(
    `INSERT INTO population_baselines (name, source, year, status, csv, total_rows, processed_rows, population,
                                       uploaded_by_user_id, finished_at)
     VALUES ('测试基数', 'census', 2020, 'ready', '', 0, 0, 0, $1, now()) RETURNING id`,
    [admin.id],
  );
  for (const [township] of TOWNSHIPS) {
    for (const [from, to] of [
      [0, 14],
      [15, 24],
      [25, 59],
      [60, 64],
      [65, null],
    ] as const) {
      for (const sex of ['male', 'female']) {
        await t.db.query(
          `INSERT INTO population_cells (baseline_id, township_code, age_from, age_to, sex, attainment, count)
           VALUES ($1, $2, $3, $4, $5, 'junior_secondary', 1000)`,
          [b.id, township, from, to, sex],
        );
      }
    }
  }
  const providerId = await makeProvider(t);
  const staff = await makeActor(t, Role.ProviderStaff, providerId);
  courses = {
    vocA: await indicatorCourse(
      t,
      staff,
      providerId,
      { kind: 'vocational_skill', title: '电工', occupationCode: '6-31-01-03' },
      CATEGORY.vocA,
    ),
    vocB: await indicatorCourse(
      t,
      staff,
      providerId,
      { kind: 'vocational_skill', title: '焊工', occupationCode: '6-18-02-04' },
      CATEGORY.vocB,
    ),
    community: await indicatorCourse(
      t,
      staff,
      providerId,
      { kind: 'community', title: '社区' },
      CATEGORY.community,
    ),
    culture: await indicatorCourse(
      t,
      staff,
      providerId,
      { kind: 'community', title: '书法' },
      CATEGORY.culture,
    ),
  };
});
afterAll(async () => {
  await t.close();
});

const YEARS = Array.from({ length: 12 }, (_, i) => 2012 + i);

describe('generated counties', () => {
  it('the engine agrees with the definitions written a second way, and no suppressed cell can be worked out', async () => {
    const service = t.app.get(IndicatorsService);
    const found: Array<{ year: number; disclosures: unknown }> = [];
    let hiddenSensitive = 0;
    let oldRuleDisclosures = 0;
    let shownCells = 0;
    let allCells = 0;
    for (const year of YEARS) {
      const people = generateCounty(year * 7919, year);
      await insertCounty(people, year);
      const expected = expectedFigures(people, year);
      const results: IndicatorResults = await service.compute(year);
      for (const code of GROUP) {
        const figure = results.indicators.find((f) => f.code === code) as IndicatorFigure;
        expect({ year, code, cells: sorted(engineTable(figure)) }).toEqual({
          year,
          code,
          cells: sorted(expected.get(code) as Table),
        });
        // Townships add up to the county for every figure counted once per person or per event.
        const townships = figure.breakdowns.township ?? [];
        expect(townships.reduce((s, c) => s + c.numerator, 0)).toBe(figure.numerator);
      }
      const res = await t.http.get(`/api/indicators?year=${year}`).auth(admin.token, bearer).expect(200);
      const published = res.body.indicators as PublishedFigure[];
      const v = views(published, expected);
      const cellsOf = v.flatMap((f) => [f.total, ...Object.values(f.lines).flat()]);
      shownCells += cellsOf.filter((c) => c.shown !== null).length;
      allCells += cellsOf.length;
      hiddenSensitive += v
        .flatMap((f) => [f.total, ...Object.values(f.lines).flat()])
        .filter((c) => c.people > 0 && c.people < 5).length;
      const d = disclosures(v, RELATIONS);
      if (d.length) found.push({ year, disclosures: d });
      // The checker has teeth: the rule this replaced (each line on its own, by the cell's own value) is caught.
      const old = results.indicators
        .filter((f) => GROUP.includes(f.code))
        .map((f) => {
          const hideTotal = f.numerator > 0 && f.numerator < 5;
          return {
            code: f.code,
            numerator: hideTotal ? null : f.numerator,
            breakdowns: Object.fromEntries(
              Object.entries(f.breakdowns).map(([dim, cells]) => {
                const kept = suppressCounts((cells ?? []).map((c) => c.numerator)).cells;
                return [dim, (cells ?? []).map((c, i) => ({ key: c.key, numerator: kept[i] }))];
              }),
            ),
          };
        });
      oldRuleDisclosures += disclosures(views(old, expected), RELATIONS).length;
    }
    expect(oldRuleDisclosures).toBeGreaterThan(0);
    // …and protection is not bought by hiding everything.
    console.info(JSON.stringify({ shownCells, allCells, hiddenSensitive, oldRuleDisclosures }));
    expect(shownCells / (allCells - hiddenSensitive)).toBeGreaterThan(0.4);
    expect(found).toEqual([]);
    // The counties are small enough that there was something to protect.
    expect(hiddenSensitive).toBeGreaterThan(50);
    // Reading the figures never stored a snapshot.
    const [stored] = await t.db.query(`SELECT count(*)::int AS n FROM indicator_snapshots`);
    expect(stored.n).toBe(0);
  }, 240_000);
});

/** Every figure as 'code|dimension|key' → numerator and people (absent cells are zero). */
function flatten(results: IndicatorResults): Map<string, { numerator: number; people: number | null }> {
  const out = new Map<string, { numerator: number; people: number | null }>();
  for (const f of results.indicators) {
    out.set(`${f.code}|total`, { numerator: f.numerator, people: f.people });
    for (const [d, cells] of Object.entries(f.breakdowns)) {
      for (const c of cells ?? [])
        out.set(`${f.code}|${d}|${c.key}`, { numerator: c.numerator, people: c.people });
    }
  }
  return out;
}

describe('invariances', () => {
  it('relabelled ids change nothing, and one person added changes exactly the expected cells by one', async () => {
    const service = t.app.get(IndicatorsService);
    // The same county twice, inserted in opposite orders (other ids, other row order), in two years of its own.
    await insertCounty(generateCounty(4242, 2011), 2011, 'forward');
    await insertCounty(generateCounty(4242, 2024), 2024, 'reverse');
    const first = await service.compute(2011);
    const second = await service.compute(2024);
    expect(second.indicators).toEqual(first.indicators);

    // One resident of 30 in township B, a man, with one community course completed in June and no certificate.
    const id = await insertResident(t, {
      birthDate: '1994-06-15',
      sex: 'male',
      township: TOWNSHIP_B,
      village: VILLAGE_B1,
    });
    await insertCompletion(t, id, courses.community, '2024-06-01', CATEGORY.community, false);
    const after = flatten(await service.compute(2024));
    const before = flatten(second);
    const changed = new Map<string, { numerator: number; people: number }>();
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const b = before.get(key) ?? { numerator: 0, people: 0 };
      const a = after.get(key) ?? { numerator: 0, people: 0 };
      if (a.numerator !== b.numerator || a.people !== b.people) {
        changed.set(key, { numerator: a.numerator - b.numerator, people: (a.people ?? 0) - (b.people ?? 0) });
      }
    }
    const cells = (code: C) =>
      ['total', `township|${TOWNSHIP_B}`, 'age_band|25-59', 'sex|male', `category|${CATEGORY.community}`].map(
        (k) => `${code}|${k}`,
      );
    const expected = [...cells(C.Completions), ...cells(C.Participation12m)].sort();
    expect([...changed.keys()].sort()).toEqual(expected);
    for (const delta of changed.values()) expect(delta).toEqual({ numerator: 1, people: 1 });
  }, 240_000);
});
