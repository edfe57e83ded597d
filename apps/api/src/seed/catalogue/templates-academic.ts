import { AttainmentLevel, CourseCategory, CourseMode, ProgrammeKind } from '@cll/domain';
import { type CourseTemplate, desc, quiz, single, text, video, multiple } from './types.js';

/** academic: degree and diploma studies that raise a learner's attainment level. */
export const ACADEMIC_TEMPLATES: CourseTemplate[] = [
  {
    key: 'open-public-admin',
    providerKey: 'open',
    programme: {
      kind: ProgrammeKind.Academic,
      title: '国家开放大学行政管理专业（专科）',
      confersAttainment: AttainmentLevel.JuniorCollege,
    },
    title: '开放大学专科：行政管理',
    titleEn: 'Open University Diploma: Public Administration',
    category: CourseCategory.Academic,
    mode: CourseMode.Blended,
    studyHours: 144,
    credits: 8,
    minAge: 18,
    coverText: '在职读大专：网上学习加学习中心面授辅导，学历电子注册。',
    description: desc(
      '行政管理专业（专科）面向基层机关、村社干部和企事业单位管理人员，采用“网上自主学习＋学习中心面授辅导”的方式，不脱产也能完成学业。本课程包含入学导学和第一学期的专业基础课。修满规定学分、成绩合格者，颁发国家开放大学专科毕业证书，学历在教育部学信网电子注册。',
      ['开放教育的学习方式与学习平台使用', '管理学基本原理', '行政组织与公共政策', '基层治理与常用公文写作'],
    ),
    lessons: [
      text(
        '开放教育怎么学',
        '开放教育以学生自主学习为主。每门课程在学习平台上都有视频、文本和形成性考核任务，学员按教学进度完成学习和作业；学习中心每学期安排若干次面授辅导和小组学习。\n\n课程成绩由形成性考核和终结性考试两部分组成，两部分都合格才能取得学分。',
      ),
      video('开学导学：学习平台使用指南', 'academic/open-public-admin/orientation', 20),
      quiz('入学导学测验', 60, [
        single('国家开放大学专科毕业，学员获得的学历层次是：', ['专科', '本科', '中专'], 0),
        multiple(
          '开放教育的学习方式包括：',
          ['网上自主学习', '学习中心面授辅导', '形成性考核与终结性考试', '不需要参加任何考核'],
          [0, 1, 2],
        ),
      ]),
    ],
    room: '面授教室 402',
  },
  {
    key: 'open-law',
    providerKey: 'open',
    programme: {
      kind: ProgrammeKind.Academic,
      title: '国家开放大学法学专业（专科起点本科）',
      confersAttainment: AttainmentLevel.Bachelor,
    },
    title: '开放大学本科：法学（专升本）',
    titleEn: 'Open University Degree: Law (Top-up)',
    category: CourseCategory.Academic,
    mode: CourseMode.Online,
    studyHours: 144,
    credits: 8,
    minAge: 18,
    coverText: '专科毕业再提升：在线学法学本科，适合基层政法和调解工作者。',
    description: desc(
      '法学专业（专科起点本科）面向已取得专科学历的在职人员，特别是基层政法、司法调解和企业法务工作者。课程全程在线学习，考试在学习中心集中进行。本课程包含第一学期的宪法学、民法学等专业核心课。符合条件的毕业生可申请学士学位。',
      ['宪法与国家基本制度', '民法总则与物权', '刑法总论', '法律文书写作'],
    ),
    lessons: [
      video('宪法学导论', 'academic/open-law/constitution-intro', 40),
      text(
        '学习法律的方法',
        '学习法律既要理解概念和原理，也要多读条文、多看案例。建议每学完一章，找一两个真实案例，试着用“事实—争议焦点—法律依据—结论”的结构写一段分析。\n\n法律会修改，学习时要以最新的法律文本为准，可以在国家法律法规数据库中查询。',
      ),
      quiz('法学基础测验', 70, [
        single('我国的根本大法是：', ['宪法', '民法典', '刑法'], 0),
        single('民法典自何时起施行？', ['2021年1月1日', '2020年5月28日', '2019年1月1日'], 0),
      ]),
    ],
  },
  {
    key: 'open-accounting',
    providerKey: 'open',
    programme: {
      kind: ProgrammeKind.Academic,
      title: '国家开放大学大数据与会计专业（专科）',
      confersAttainment: AttainmentLevel.JuniorCollege,
    },
    title: '开放大学专科：大数据与会计',
    titleEn: 'Open University Diploma: Accounting and Big Data',
    category: CourseCategory.Academic,
    mode: CourseMode.Online,
    studyHours: 144,
    credits: 8,
    minAge: 18,
    coverText: '会计基础、财务软件、数据分析，在线拿大专学历。',
    description: desc(
      '大数据与会计专业（专科）面向企业财务人员、个体工商户和有意从事财会工作的人员。课程全程在线，学习基础会计、财务会计、财务软件应用和财务数据分析。本课程为第一学期的专业基础课，包括会计要素、借贷记账法和会计凭证。',
      ['会计要素与会计等式', '借贷记账法与会计分录', '会计凭证与账簿', '财务软件的基本操作'],
    ),
    lessons: [
      text(
        '会计等式',
        '“资产 = 负债 + 所有者权益”是最基本的会计等式，任何一笔经济业务发生后，等式两边始终保持平衡。\n\n借贷记账法的规则是“有借必有贷，借贷必相等”。资产类账户借方记增加、贷方记减少，负债和所有者权益类账户则相反。',
      ),
      video('借贷记账法入门', 'academic/open-accounting/double-entry', 32),
      quiz('会计基础测验', 70, [
        single(
          '最基本的会计等式是：',
          ['资产 = 负债 + 所有者权益', '收入 = 资产 − 负债', '利润 = 资产 + 费用'],
          0,
        ),
        single('借贷记账法的记账规则是：', ['有借必有贷，借贷必相等', '只记借方', '借方必须大于贷方'], 0),
      ]),
    ],
  },
  {
    key: 'adult-exam-prep',
    providerKey: 'open',
    programme: {
      kind: ProgrammeKind.Academic,
      title: '成人高等教育（高中起点专科）',
      confersAttainment: AttainmentLevel.JuniorCollege,
    },
    title: '成人高考辅导（高起专）',
    titleEn: 'Adult College Entrance Exam Preparation',
    category: CourseCategory.Academic,
    mode: CourseMode.Blended,
    studyHours: 96,
    credits: 3,
    minAge: 18,
    coverText: '语文、数学、英语三科系统复习，备战10月成人高考。',
    description: desc(
      '成人高考每年10月举行，高中起点专科统考语文、数学、外语三科。本课程由开放大学学习中心的专职教师授课，线上提供知识点微课和题库练习，周末在学习中心集中面授串讲和模拟考试。课程同时指导考生完成网上报名、志愿填报和现场确认。',
      ['高起专三科考试大纲与题型', '语文阅读与作文', '数学函数、数列与三角', '英语词汇、语法与阅读理解'],
    ),
    lessons: [
      text(
        '怎样安排复习',
        '成人考生大多工作繁忙，建议每天固定学习一小时，周末参加面授。先按大纲把三科知识点过一遍，再集中做历年真题，最后一个月以模拟考试和查漏补缺为主。\n\n数学要重视基础题，不要在难题上花太多时间；英语每天坚持背二十个单词。',
      ),
      video('数学串讲：一次函数与二次函数', 'academic/adult-exam-prep/functions', 45),
      quiz('模拟小测', 60, [
        single(
          '成人高考高起专统考的科目是：',
          ['语文、数学、外语', '政治、历史、地理', '物理、化学、生物'],
          0,
        ),
        single('若 2x + 3 = 11，则 x 等于：', ['3', '4', '7'], 1),
        single('“I ___ a teacher.” 空格处应填：', ['am', 'is', 'are'], 0),
      ]),
    ],
    room: '面授教室 401',
  },
  {
    key: 'secondary-electronics',
    providerKey: 'vocational',
    programme: {
      kind: ProgrammeKind.Academic,
      title: '中等职业学历教育·电子技术应用专业',
      confersAttainment: AttainmentLevel.SecondaryVocational,
    },
    title: '中职学历：电子技术应用',
    titleEn: 'Secondary Vocational Diploma: Applied Electronics',
    category: CourseCategory.Academic,
    mode: CourseMode.Blended,
    studyHours: 160,
    credits: 8,
    minAge: 16,
    coverText: '工学结合的成人中专，边工作边拿中职学历。',
    description: desc(
      '本专业面向初中毕业后已经工作的青年和企业一线员工，采取工学结合的方式：理论课程在线学习，实训课程在周末或晚上到学校完成。本课程为第一学期的电工电子基础与电子装配实训。学完全部课程并考核合格，可取得中等职业学校毕业证书，并可继续报读高职或开放大学专科。',
      ['直流电路与欧姆定律', '常用电子元器件的识别与检测', '电子焊接与电路板装配', '万用表和示波器的使用'],
    ),
    lessons: [
      text(
        '欧姆定律',
        '在一段电路中，通过导体的电流与导体两端的电压成正比，与导体的电阻成反比，即 I = U / R。\n\n例如，一只100欧的电阻两端加5伏电压，流过的电流就是0.05安，也就是50毫安。',
      ),
      video('电子元器件焊接', 'academic/secondary-electronics/soldering', 25),
      quiz('电工电子基础测验', 60, [
        single('欧姆定律的表达式是：', ['I = U / R', 'P = U × I', 'U = I / R'], 0),
        single('色环电阻上的色环用来表示：', ['阻值和误差', '生产日期', '重量'], 0),
      ]),
    ],
    room: '实训楼 B205 电子装配实训室',
  },
  {
    key: 'secondary-agronomy',
    providerKey: 'vocational',
    programme: {
      kind: ProgrammeKind.Academic,
      title: '中等职业学历教育·现代农艺技术专业',
      confersAttainment: AttainmentLevel.SecondaryVocational,
    },
    title: '中职学历：现代农艺技术',
    titleEn: 'Secondary Vocational Diploma: Modern Agronomy',
    category: CourseCategory.Academic,
    mode: CourseMode.Blended,
    studyHours: 160,
    credits: 8,
    minAge: 16,
    coverText: '面向新型职业农民的成人中专，送教下乡、农闲上课。',
    description: desc(
      '现代农艺技术专业面向种养大户、家庭农场主和合作社骨干，采取“送教下乡”的方式，利用农闲时间在乡镇教学点集中上课，其余时间线上学习。本课程为第一学期的植物生产与环境、农业经营管理基础。学完全部课程并考核合格，可取得中等职业学校毕业证书。',
      ['作物生长与土壤、肥料', '主要作物的栽培技术', '农产品质量安全', '家庭农场经营与成本核算'],
    ),
    lessons: [
      text(
        '作物需要哪些养分',
        '作物生长需要的大量元素是氮、磷、钾，俗称“肥料三要素”：氮促进枝叶生长，磷促进根系和开花结果，钾增强抗倒伏和抗病能力。\n\n施肥要测土配方，缺什么补什么，过量施用化肥不仅浪费，还会导致土壤板结和水体污染。',
      ),
      video('测土配方施肥', 'academic/secondary-agronomy/soil-testing', 22),
      quiz('农艺基础测验', 60, [
        multiple('“肥料三要素”指的是：', ['氮', '磷', '钾', '钙'], [0, 1, 2]),
        single('科学施肥的原则是：', ['测土配方、缺什么补什么', '越多越好', '只施氮肥'], 0),
      ]),
    ],
    townships: [2, 4, 5, 7, 8, 10],
  },
];
