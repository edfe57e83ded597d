import { indexWords } from '../catalogue/search/index-words.js';
import { TOWNSHIP_A, TOWNSHIP_B } from './builders.js';

/** Course title parts, shared with the county benchmark's generator. */
export const PREFIXES = ['初级', '中级', '高级', '实用', '趣味', '零基础'];
export const SUBJECTS = [
  '电工',
  '养老护理',
  '电子商务',
  '书法',
  '太极拳',
  '智能手机',
  '茶艺',
  '摄影',
  '中式烹调',
  '育婴',
  '焊接',
  '农业机械',
  '果树栽培',
  '家庭教育',
  '急救',
  '中医养生',
  '合唱',
  '国画',
  '家庭理财',
  '防范诈骗',
];
const SUBJECTS_EN = [
  'electrician',
  'elderly care',
  'e-commerce',
  'calligraphy',
  'tai chi',
  'smartphone',
  'tea art',
  'photography',
  'cooking',
  'infant care',
  'welding',
  'farm machinery',
  'fruit trees',
  'parenting',
  'first aid',
  'wellbeing',
  'choir',
  'ink painting',
  'household finance',
  'fraud prevention',
];
const SUFFIXES = ['技能实训', '入门', '提高班', '应用', '精讲', '实操课'];
const CATEGORIES = [
  'vocational_skills',
  'health',
  'culture_arts',
  'digital_skills',
  'community_life',
  'agriculture',
  'family_education',
];

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;

/**
 * Fills the catalogue with `courses` published courses (titles like "初级电工技能实训（第12期）", one subject in 20)
 * and a session for every fifth course, all in SQL, so 100,000 courses take seconds. Deterministic.
 */
/** Anything that runs SQL and returns rows: a TypeORM DataSource, or a pg client behind a small adapter. */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, string>>>;
}

export async function generateCatalogue(db: Sql, courses: number): Promise<void> {
  const [provider] = await db.query(
    `INSERT INTO providers (name, kind, township_code, status) VALUES ('生成数据职业学校', 'vocational_school', $1, 'approved') RETURNING id`,
    [TOWNSHIP_A],
  );
  const [programme] = await db.query(
    `INSERT INTO programmes (provider_id, kind, title, occupation_code) VALUES ($1, 'vocational_skill', '生成的项目', '6-31-01-03') RETURNING id`,
    [provider.id],
  );
  // The segmenter's words depend only on prefix, subject and suffix (the class number adds none), so 720 titles
  // are segmented here and looked up by index in SQL: flat index = prefix + 6 × (subject + 20 × suffix).
  const words: string[] = [];
  for (const suffix of SUFFIXES)
    for (const subject of SUBJECTS)
      for (const prefix of PREFIXES) words.push(indexWords(prefix + subject + suffix).join(' '));
  await db.query(
    `INSERT INTO courses (provider_id, programme_id, title, title_en, category, mode, study_hours, credits, description, cover_text, status, published_at, search_words)
     SELECT $1, $2,
            (${sqlArray(PREFIXES)})[1 + i % 6] || (${sqlArray(SUBJECTS)})[1 + (i / 6) % 20] ||
              (${sqlArray(SUFFIXES)})[1 + (i / 120) % 6] || '（第' || (i % 97 + 1) || '期）',
            (${sqlArray(SUBJECTS_EN)})[1 + (i / 6) % 20] || ' course ' || i,
            (${sqlArray(CATEGORIES)})[1 + i % 7],
            (ARRAY['online','offline','blended'])[1 + i % 3],
            8 + i % 40, 1, '面向全县居民开放的课程，第 ' || i || ' 号。', '县域终身学习', 'published', now(),
            string_to_array(($4::text[])[1 + i % 6 + 6 * ((i / 6) % 20 + 20 * ((i / 120) % 6))], ' ')
       FROM generate_series(1, $3::int) AS i`,
    [provider.id, programme.id, courses, words],
  );
  await db.query(
    `INSERT INTO course_sessions (course_id, label, starts_at, ends_at, capacity, online, township_code, venue,
                                  enrolment_opens_at, enrolment_closes_at)
     SELECT id, '第一期', now() + make_interval(days => 1 + n % 90), now() + make_interval(days => 31 + n % 90),
            20 + n % 40, false, CASE WHEN n % 2 = 0 THEN $1 ELSE $2 END, '文化站',
            now() - interval '1 day', now() + make_interval(days => 1 + n % 90)
       FROM (SELECT id, (row_number() OVER (ORDER BY id))::int AS n FROM courses) c
      WHERE n % 5 = 0`,
    [TOWNSHIP_A, TOWNSHIP_B],
  );
  await db.query('ANALYZE courses; ANALYZE course_sessions; ANALYZE providers');
}
