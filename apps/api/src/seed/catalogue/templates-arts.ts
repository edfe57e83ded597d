import { CourseCategory, CourseMode, ProgrammeKind } from '@cll/domain';
import { type CourseTemplate, desc, multiple, quiz, single, text, video } from './types.js';

const PAINTING = { kind: ProgrammeKind.Elderly, title: '老年大学书画专业' };
const PHOTO = { kind: ProgrammeKind.Elderly, title: '老年大学摄影专业' };
const HERITAGE = { kind: ProgrammeKind.Community, title: '社区教育·非遗传承系列' };

/** culture_arts, part one: calligraphy, painting, photography and folk crafts. */
export const ARTS_TEMPLATES: CourseTemplate[] = [
  {
    key: 'calligraphy',
    providerKey: 'elderly',
    programme: PAINTING,
    title: '书法入门（楷书）',
    titleEn: 'Introduction to Calligraphy (Regular Script)',
    category: CourseCategory.CultureArts,
    mode: CourseMode.Offline,
    studyHours: 32,
    credits: 2,
    minAge: 50,
    coverText: '从执笔、笔画到结字，临习颜体楷书，一笔一画写好字。',
    description: desc(
      '书法是老年大学最受欢迎的课程之一。本课程从文房四宝的选择和执笔姿势讲起，以颜真卿《多宝塔碑》为范本，系统练习楷书的基本笔画、偏旁部首和间架结构。每周一次课，老师当堂示范、逐个批改，学期末举办学员作品展。',
      ['文房四宝的选择与保养', '正确的执笔和坐姿', '楷书的基本笔画', '常见偏旁部首与间架结构'],
    ),
    lessons: [
      text(
        '执笔与坐姿',
        '毛笔常用“五指执笔法”，即擫、押、钩、格、抵，五个手指各司其职，做到指实掌虚、腕平掌竖。\n\n书写时头正、身直、臂开、足安，纸张放正，眼睛离纸面约一尺。初学者每天练习半小时，贵在坚持，不必贪多。',
      ),
      video('颜体基本笔画示范', 'arts/calligraphy/strokes', 28),
      quiz('书法基础知识', 60, [
        single('“文房四宝”指的是：', ['笔、墨、纸、砚', '琴、棋、书、画', '笔、墨、纸、印'], 0),
        single('《多宝塔碑》的书写者是：', ['王羲之', '颜真卿', '苏轼'], 1),
      ]),
    ],
    room: '书画教室 301',
  },
  {
    key: 'bird-flower-painting',
    providerKey: 'elderly',
    programme: PAINTING,
    title: '国画花鸟',
    titleEn: 'Chinese Painting: Birds and Flowers',
    category: CourseCategory.CultureArts,
    mode: CourseMode.Offline,
    studyHours: 32,
    credits: 2,
    minAge: 50,
    coverText: '从梅兰竹菊起步，学写意花鸟的笔墨技法。',
    description: desc(
      '花鸟画是中国画的重要门类，讲究以笔墨传达花卉禽鸟的神韵。本课程从“四君子”梅兰竹菊入手，逐步学习写意牡丹、荷花和麻雀、小鸡等禽鸟的画法。课程重视笔墨和构图的基本功，也会讲解题款和钤印的常识。',
      ['中锋、侧锋与“墨分五色”', '梅兰竹菊的基本画法', '写意牡丹与荷花', '小禽鸟的造型与点睛'],
    ),
    lessons: [
      text(
        '墨分五色',
        '中国画用墨讲究“墨分五色”，即焦、浓、重、淡、清。同一支笔蘸墨后先在笔尖蘸浓墨，再在笔肚调淡，一笔下去就有浓淡变化。\n\n画兰叶用中锋，线条圆润有弹性；画石头、树干多用侧锋，显得苍劲。',
      ),
      video('写意兰花示范', 'arts/bird-flower/orchid', 25),
      quiz('国画常识', 60, [
        single('花鸟画中常说的“四君子”是：', ['梅、兰、竹、菊', '松、竹、梅、菊', '牡丹、荷花、梅、兰'], 0),
        multiple('下列属于中国画常用工具材料的是：', ['宣纸', '毛笔', '墨', '油画布'], [0, 1, 2]),
      ]),
    ],
    room: '书画教室 302',
  },
  {
    key: 'photography',
    providerKey: 'elderly',
    programme: PHOTO,
    title: '摄影入门与手机摄影',
    titleEn: 'Photography for Beginners',
    category: CourseCategory.CultureArts,
    mode: CourseMode.Blended,
    studyHours: 24,
    credits: 1.5,
    minAge: 50,
    coverText: '构图、用光和相机的基本操作，拍出好看的家乡。',
    description: desc(
      '“用镜头记录生活”是许多退休老人的新爱好。本课程从手机和数码相机的基本操作讲起，学习构图、用光和色彩，并组织学员到云山茶园、桃源古村等地外拍采风。学员每周在线上传作品，由老师逐一点评。',
      [
        '光圈、快门、感光度的基本概念',
        '三分法、引导线等常用构图',
        '顺光、侧光、逆光的运用',
        '手机修图的基本操作',
      ],
    ),
    lessons: [
      text(
        '三分法构图',
        '把画面横竖各分成三等份，得到四个交点。把主体放在交点附近，地平线放在上三分之一或下三分之一处，画面就比“放正中间”更生动。\n\n手机相机设置里一般都有“网格线”，打开后构图会方便很多。',
      ),
      video('外拍实例：清晨茶园', 'arts/photography/tea-garden', 20),
      quiz('摄影基础测验', 60, [
        single(
          '想把运动中的物体“凝固”下来，应该：',
          ['用较快的快门速度', '用较慢的快门速度', '关闭自动对焦'],
          0,
        ),
        single('“三分法”构图是把主体放在：', ['画面正中央', '三等分线的交点附近', '画面边缘之外'], 1),
        multiple(
          '下列哪些光线容易拍出有立体感的照片？',
          ['侧光', '清晨或傍晚的斜射光', '正午头顶的直射光'],
          [0, 1],
        ),
      ]),
    ],
  },
  {
    key: 'paper-cutting',
    providerKey: 'community',
    programme: HERITAGE,
    title: '剪纸与传统手工',
    titleEn: 'Paper Cutting and Folk Crafts',
    category: CourseCategory.CultureArts,
    mode: CourseMode.Offline,
    studyHours: 12,
    credits: 1,
    coverText: '一把剪刀一张纸，剪出窗花、福字和十二生肖。',
    description: desc(
      '剪纸是我国列入联合国教科文组织人类非物质文化遗产代表作名录的传统技艺，也是青溪乡间婚嫁节庆的传统装饰。本课程由县级非遗传承人授课，从对称折剪、阳刻阴刻讲起，学剪窗花、团花、福字和生肖。课程适合亲子一起参加，剪好的作品可以带回家过年张贴。',
      ['剪纸的工具和纸张', '对折、四折、五角折的折剪方法', '阳刻与阴刻的区别', '窗花、团花和生肖剪纸'],
    ),
    lessons: [
      text(
        '阳刻与阴刻',
        '阳刻是保留图案的线条、剪去空白部分，线线相连；阴刻则是把图案的线条剪掉，块面相连。一幅作品中常常阴阳结合，显得层次丰富。\n\n初学者先从对折剪“囍”字和四折团花练起，熟悉了剪刀的转折，再挑战复杂的生肖图案。',
      ),
      video('五角折剪团花', 'arts/paper-cutting/round-flower', 15),
      quiz('剪纸常识', 60, [
        single('保留图案线条、剪去空白部分的剪法叫：', ['阳刻', '阴刻', '浮雕'], 0),
        single('剪“囍”字时，红纸一般要：', ['对折后剪', '揉成一团再剪', '不折直接剪'], 0),
      ]),
    ],
  },
];
