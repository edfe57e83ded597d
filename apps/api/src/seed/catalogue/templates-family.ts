import { CourseCategory, CourseMode, ProgrammeKind } from '@cll/domain';
import { type CourseTemplate, desc, multiple, quiz, single, text, video } from './types.js';

const PARENTS_SCHOOL = { kind: ProgrammeKind.Community, title: '家长学校·家庭教育指导' };

/** family_education: the county parents' school, run by 社区学院 with schools and the library. */
export const FAMILY_TEMPLATES: CourseTemplate[] = [
  {
    key: 'parenting',
    providerKey: 'community',
    programme: PARENTS_SCHOOL,
    title: '家庭教育指导（家长学校）',
    titleEn: "Parenting Guidance (Parents' School)",
    category: CourseCategory.FamilyEducation,
    mode: CourseMode.Blended,
    studyHours: 12,
    credits: 1.5,
    coverText: '读懂孩子、学会沟通、用心陪伴，做依法带娃的合格家长。',
    description: desc(
      '《中华人民共和国家庭教育促进法》自2022年1月1日起施行，明确父母或者其他监护人是家庭教育的第一责任人。本课程由县家庭教育指导中心讲师和中小学心理老师授课，围绕习惯养成、亲子沟通、学业压力和手机管理等常见难题展开。理论部分在线上学习，线下参加小组工作坊，交流各家的做法。',
      [
        '家庭教育促进法对父母的要求',
        '不同年龄段孩子的心理特点',
        '“先共情、再讲理”的沟通方法',
        '和孩子一起约定手机使用规则',
      ],
    ),
    lessons: [
      text(
        '父母是孩子的第一任老师',
        '家庭教育不是把学校的功课搬回家，而是在日常生活中培养孩子的品德、习惯和情绪能力。父母的一言一行，孩子都看在眼里。\n\n每天留出一段不看手机的“家庭时间”，一起吃饭、散步、聊聊当天的事，比任何说教都更有效。',
      ),
      video('如何和孩子谈手机', 'family/parenting/phone-rules', 22),
      quiz('家庭教育常识', 70, [
        single(
          '根据《家庭教育促进法》，家庭教育的第一责任人是：',
          ['学校老师', '父母或者其他监护人', '村（居）委会'],
          1,
        ),
        multiple(
          '下列哪些做法有助于良好的亲子沟通？',
          ['先听孩子把话说完', '当众批评孩子', '用“我感到……”表达自己的感受', '总拿孩子和别人家的孩子比较'],
          [0, 2],
        ),
      ]),
    ],
  },
  {
    key: 'grandparenting',
    providerKey: 'community',
    programme: PARENTS_SCHOOL,
    title: '隔代教育：祖辈家长课堂',
    titleEn: 'Grandparents Raising Grandchildren',
    category: CourseCategory.FamilyEducation,
    mode: CourseMode.Offline,
    studyHours: 6,
    credits: 1,
    minAge: 50,
    coverText: '爷爷奶奶带孙辈：不溺爱、不包办，和孩子父母配合好。',
    description: desc(
      '在青溪县，不少孩子由爷爷奶奶、外公外婆照看。本课程专为祖辈家长开设，讲解如何在疼爱孩子的同时守住规矩，如何和孩子的父母统一教育口径。课程在村社文化礼堂进行，用拉家常、讲案例的方式授课，欢迎老两口一起来。',
      [
        '隔代教育的优势与常见误区',
        '吃饭、睡觉、看电视的规矩怎么立',
        '和子女沟通育儿分歧的办法',
        '留守儿童的情感陪伴',
      ],
    ),
    lessons: [
      text(
        '疼爱不等于包办',
        '老人带孩子耐心足、经验多，这是很大的优势；但也容易“舍不得”，追着喂饭、替孩子穿衣收拾书包。孩子能自己做的事，就让他自己做，慢一点、乱一点都没关系。\n\n父母不在身边的孩子，更需要每天固定的视频通话和老人的倾听。多问一句“今天开心吗”，比多给一颗糖更重要。',
      ),
      video('祖孙一起玩的亲子游戏', 'family/grandparenting/games', 14),
      quiz('隔代教育小测', 60, [
        single(
          '孩子已经能自己吃饭穿衣了，祖辈比较好的做法是：',
          ['继续喂饭穿衣，省时省事', '鼓励孩子自己做，慢一点也没关系', '等上学以后再说'],
          1,
        ),
        single(
          '和孩子父母在管教上有分歧时，应当：',
          ['当着孩子的面争论', '私下沟通，统一口径', '各管各的'],
          1,
        ),
      ]),
    ],
  },
  {
    key: 'family-reading',
    providerKey: 'community',
    programme: PARENTS_SCHOOL,
    title: '亲子阅读与习惯养成',
    titleEn: 'Shared Reading and Good Habits',
    category: CourseCategory.FamilyEducation,
    mode: CourseMode.Online,
    studyHours: 6,
    credits: 1,
    coverText: '每天十五分钟亲子共读，陪孩子爱上书。',
    description: desc(
      '阅读习惯是送给孩子最好的礼物之一。本课程由县图书馆少儿部馆员和小学语文老师共同开发，介绍不同年龄段的选书要点和共读时的提问技巧。课程全部在线，配有推荐书单和每周打卡任务，也会介绍如何在县图书馆和村农家书屋借书。',
      [
        '0至12岁各阶段的选书要点',
        '绘本共读的“三步提问法”',
        '布置家庭阅读角、固定阅读时间',
        '用好县图书馆和农家书屋',
      ],
    ),
    lessons: [
      video('绘本共读示范', 'family/reading/picture-book', 18),
      text(
        '每天十五分钟',
        '共读不必追求时间长，关键是天天坚持。可以固定在晚饭后或睡前，关掉电视、放下手机，让孩子自己挑一本书。\n\n读的时候不急着讲道理，多问“你觉得接下来会发生什么”“你最喜欢哪一页”。读完后请孩子用自己的话讲一讲，语言表达能力就在一次次复述中练出来了。',
      ),
      quiz('亲子阅读测一测', 60, [
        single(
          '给三岁左右的孩子选书，比较合适的是：',
          ['文字密集的长篇小说', '图画为主、句子简短重复的绘本', '成人杂志'],
          1,
        ),
        multiple(
          '共读时可以怎样和孩子互动？',
          [
            '请孩子猜猜接下来会发生什么',
            '读完问孩子最喜欢哪一页',
            '孩子一打断就批评',
            '请孩子用自己的话讲故事',
          ],
          [0, 1, 3],
        ),
      ]),
    ],
  },
  {
    key: 'adolescence',
    providerKey: 'community',
    programme: PARENTS_SCHOOL,
    title: '青春期心理与亲子沟通',
    titleEn: 'Adolescence and Family Communication',
    category: CourseCategory.FamilyEducation,
    mode: CourseMode.Blended,
    studyHours: 8,
    credits: 1,
    coverText: '孩子进入青春期，家长也要跟着“升级”。',
    description: desc(
      '孩子进入青春期后，情绪起伏大、话变少、主意变多，不少家长感到无所适从。本课程由学校心理健康教师和心理咨询师主讲，帮助家长理解青春期的身心变化，学会在冲突中保持沟通。课程还会讲解需要寻求专业帮助的危机信号。课程包括线上讲座和线下家长沙龙。',
      [
        '青春期大脑与情绪发育的特点',
        '面对顶嘴、沉迷手机时怎么办',
        '识别焦虑、抑郁等心理危机信号',
        '获取学校和专业机构帮助的途径',
      ],
    ),
    lessons: [
      text(
        '理解青春期的“变化”',
        '青春期孩子负责情绪的脑区发育较快，而负责自我控制和长远规划的前额叶要到二十多岁才成熟，所以他们容易冲动、在意同伴的看法。\n\n家长不妨把“管”换成“商量”：先接纳情绪，再讨论规则；批评就事论事，不翻旧账、不贴标签。',
      ),
      video('家长沙龙实录：当孩子说“别管我”', 'family/adolescence/salon', 24),
      quiz('青春期心理小测', 70, [
        multiple(
          '下列哪些情况持续两周以上时，应考虑寻求专业帮助？',
          ['持续情绪低落、兴趣明显减退', '睡眠和食欲明显改变', '考试没考好难过了一天', '说出伤害自己的话'],
          [0, 1, 3],
        ),
        single(
          '孩子顶嘴时，家长比较恰当的第一反应是：',
          ['立即严厉训斥', '先让双方冷静下来再沟通', '马上没收手机'],
          1,
        ),
      ]),
    ],
  },
];
