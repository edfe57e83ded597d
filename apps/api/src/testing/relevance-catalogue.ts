import { indexWords } from '../catalogue/search/index-words.js';
import { TOWNSHIP_A, TOWNSHIP_B } from './builders.js';
import type { Sql } from './catalogue-generator.js';

/**
 * A county catalogue as providers really name courses (formal occupation names, 老年大学 classes, one English-titled
 * course), for the search relevance set (catalogue/search/relevance.spec.ts). Each title appears in three classes
 * (第1–3期) so a query's first result is judged by the course, not by one row; generateCatalogue's courses are
 * added around them as noise.
 */
export const RELEVANCE_COURSES: Array<{ title: string; titleEn: string; category: string; cover: string }> = [
  {
    title: '计算机基础与办公软件应用',
    titleEn: 'Computer basics and office software',
    category: 'digital_skills',
    cover: '开关机、键盘鼠标、拼音输入、文档与上网',
  },
  {
    title: '老年人智能手机应用',
    titleEn: 'Smartphone basics for seniors',
    category: 'digital_skills',
    cover: '打电话、视频通话、拍照、健康码与出行',
  },
  {
    title: '微信与移动支付',
    titleEn: 'WeChat and mobile payment',
    category: 'digital_skills',
    cover: '聊天、发红包、扫码付款与防骗提醒',
  },
  {
    title: '电子商务运营实务',
    titleEn: 'E-commerce operations',
    category: 'vocational_skills',
    cover: '开店、选品、客服与物流',
  },
  {
    title: '直播带货与短视频制作',
    titleEn: 'Live-stream selling and short video',
    category: 'vocational_skills',
    cover: '农产品直播、拍摄剪辑与账号运营',
  },
  {
    title: '维修电工技能实训',
    titleEn: 'Electrician skills',
    category: 'vocational_skills',
    cover: '低压电路、照明线路与安全用电',
  },
  {
    title: '焊工操作技能',
    titleEn: 'Welding skills',
    category: 'vocational_skills',
    cover: '手工电弧焊与气体保护焊',
  },
  {
    title: '中式烹调师（初级）',
    titleEn: 'Chinese cooking',
    category: 'vocational_skills',
    cover: '刀工、火候与家常菜',
  },
  {
    title: '中式面点制作',
    titleEn: 'Chinese pastry',
    category: 'vocational_skills',
    cover: '馒头、包子、饺子与花卷',
  },
  {
    title: '养老护理员职业技能培训',
    titleEn: 'Elderly care worker',
    category: 'vocational_skills',
    cover: '生活照料、基础护理与康复',
  },
  {
    title: '育婴员（母婴护理）',
    titleEn: 'Infant care',
    category: 'vocational_skills',
    cover: '新生儿照护与喂养',
  },
  {
    title: '家政服务员',
    titleEn: 'Housekeeping',
    category: 'vocational_skills',
    cover: '保洁、衣物护理与家庭餐制作',
  },
  {
    title: '美容美发基础',
    titleEn: 'Hairdressing and beauty',
    category: 'vocational_skills',
    cover: '剪发、烫染与皮肤护理',
  },
  { title: '书法入门', titleEn: 'Calligraphy', category: 'culture_arts', cover: '毛笔楷书与硬笔书法' },
  {
    title: '国画山水入门',
    titleEn: 'Chinese ink painting',
    category: 'culture_arts',
    cover: '笔墨与山水构图',
  },
  { title: '二十四式太极拳', titleEn: 'Tai chi (24 forms)', category: 'health', cover: '动作分解与呼吸' },
  { title: '八段锦养生功', titleEn: 'Baduanjin', category: 'health', cover: '八个动作，站着坐着都能练' },
  { title: '广场舞基础', titleEn: 'Square dancing', category: 'culture_arts', cover: '基本步伐与队形' },
  { title: '合唱与声乐', titleEn: 'Choir and singing', category: 'culture_arts', cover: '发声、识谱与合唱' },
  {
    title: '摄影入门与手机摄影',
    titleEn: 'Photography',
    category: 'culture_arts',
    cover: '构图、用光与修图',
  },
  { title: '茶艺与茶文化', titleEn: 'Tea art', category: 'culture_arts', cover: '冲泡、品鉴与茶礼' },
  { title: '茶叶种植与加工', titleEn: 'Tea growing', category: 'agriculture', cover: '茶园管理、采摘与炒制' },
  {
    title: '果树栽培与修剪',
    titleEn: 'Fruit tree growing and pruning',
    category: 'agriculture',
    cover: '嫁接、修剪与病虫害防治',
  },
  {
    title: '农业机械操作与维修',
    titleEn: 'Farm machinery',
    category: 'agriculture',
    cover: '拖拉机、收割机的使用与保养',
  },
  { title: '食用菌栽培', titleEn: 'Mushroom growing', category: 'agriculture', cover: '香菇、木耳大棚栽培' },
  { title: '水产养殖技术', titleEn: 'Aquaculture', category: 'agriculture', cover: '池塘养鱼与水质管理' },
  {
    title: '家庭理财入门',
    titleEn: 'Household finance',
    category: 'community_life',
    cover: '储蓄、保险与识别非法集资',
  },
  {
    title: '防范电信网络诈骗',
    titleEn: 'Fraud prevention',
    category: 'community_life',
    cover: '常见骗局与应对',
  },
  {
    title: '急救知识与心肺复苏',
    titleEn: 'First aid and CPR',
    category: 'health',
    cover: '止血包扎与心肺复苏',
  },
  { title: '中医养生与四季调理', titleEn: 'TCM wellbeing', category: 'health', cover: '饮食起居与穴位保健' },
  { title: '家庭教育指导', titleEn: 'Parenting', category: 'family_education', cover: '亲子沟通与习惯养成' },
  {
    title: '普通话与朗诵',
    titleEn: 'Mandarin and recitation',
    category: 'culture_arts',
    cover: '发音与朗读',
  },
  { title: '英语口语入门', titleEn: 'Spoken English', category: 'culture_arts', cover: '日常会话' },
  {
    title: 'Excel 电子表格实用技巧',
    titleEn: 'Excel spreadsheets',
    category: 'digital_skills',
    cover: '表格、公式与图表',
  },
  {
    title: '叉车操作与安全',
    titleEn: 'Forklift operation',
    category: 'vocational_skills',
    cover: '场内叉车驾驶与堆垛',
  },
  { title: '电动车维修', titleEn: 'E-bike repair', category: 'vocational_skills', cover: '电池、电机与线路' },
  {
    title: '家电维修基础',
    titleEn: 'Home appliance repair',
    category: 'vocational_skills',
    cover: '空调、冰箱、洗衣机常见故障',
  },
  { title: '二胡入门', titleEn: 'Erhu', category: 'culture_arts', cover: '持琴、运弓与简单曲目' },
  {
    title: '老年人防跌倒与康复',
    titleEn: 'Fall prevention',
    category: 'health',
    cover: '居家安全与平衡训练',
  },
  { title: '插花与花艺', titleEn: 'Flower arranging', category: 'culture_arts', cover: '家庭插花' },
  {
    title: '营养配餐',
    titleEn: 'Nutrition and meal planning',
    category: 'health',
    cover: '一日三餐怎么搭配',
  },
  { title: '整理收纳师', titleEn: 'Home organising', category: 'vocational_skills', cover: '衣橱与厨房收纳' },
];

/** Inserts the relevance courses (three classes each) into the generator's provider and programme. */
export async function generateRelevanceCatalogue(db: Sql): Promise<void> {
  const [programme] = await db.query(`SELECT id, provider_id FROM programmes ORDER BY id LIMIT 1`);
  const rows = RELEVANCE_COURSES.flatMap((c) =>
    [1, 2, 3].map((n) => ({ ...c, title: `${c.title}（第${n}期）` })),
  );
  await db.query(
    `INSERT INTO courses (provider_id, programme_id, title, title_en, category, mode, study_hours, credits, description,
                          cover_text, status, published_at, search_words)
     SELECT $1, $2, u.title, u.title_en, u.category, 'offline', 24, 1, '面向全县居民开放。', u.cover, 'published', now(),
            string_to_array(u.words, ' ')
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(title, title_en, category, cover, words)`,
    [
      programme.provider_id,
      programme.id,
      rows.map((r) => r.title),
      rows.map((r) => r.titleEn),
      rows.map((r) => r.category),
      rows.map((r) => r.cover),
      rows.map((r) => indexWords(r.title).join(' ')),
    ],
  );
  await db.query(
    `INSERT INTO course_sessions (course_id, label, starts_at, ends_at, capacity, online, township_code, venue,
                                  enrolment_opens_at, enrolment_closes_at)
     SELECT id, '第一期', now() + interval '10 days', now() + interval '40 days', 30, false,
            CASE WHEN n % 2 = 0 THEN $1 ELSE $2 END, '文化站', now() - interval '1 day', now() + interval '9 days'
       FROM (SELECT id, (row_number() OVER (ORDER BY id))::int AS n FROM courses WHERE title LIKE '%（第_期）' AND description = '面向全县居民开放。') c`,
    [TOWNSHIP_A, TOWNSHIP_B],
  );
  await db.query('ANALYZE courses; ANALYZE course_sessions');
}
