import { CourseCategory, CourseMode, ProgrammeKind } from '@cll/domain';
import { type CourseTemplate, desc, multiple, quiz, single, text, video } from './types.js';

const MUSIC_DANCE = { kind: ProgrammeKind.Elderly, title: '老年大学音乐舞蹈专业' };
const SPORTS = { kind: ProgrammeKind.Elderly, title: '老年大学体育健身专业' };
const OPERA = { kind: ProgrammeKind.Elderly, title: '老年大学戏曲专业' };

/** culture_arts, part two: 老年大学's music, dance, opera and tai chi classes. */
export const PERFORMING_TEMPLATES: CourseTemplate[] = [
  {
    key: 'tai-chi',
    providerKey: 'elderly',
    programme: SPORTS,
    title: '二十四式太极拳',
    titleEn: 'Tai Chi: The 24-Form',
    category: CourseCategory.CultureArts,
    mode: CourseMode.Offline,
    studyHours: 24,
    credits: 1.5,
    minAge: 50,
    coverText: '简化太极拳二十四式，松静自然，强身健体防跌倒。',
    description: desc(
      '二十四式简化太极拳由国家体委于1956年组织编写，是流传最广的太极拳套路。本课程由国家级社会体育指导员授课，逐式教学，重点讲解身型、步法和呼吸配合。经常练习太极拳有助于改善平衡能力、预防跌倒。请穿宽松衣服和平底软鞋上课。',
      ['太极拳的基本手型、步型和身法', '二十四式完整套路', '“虚实分明”与重心转换', '练拳时保护膝关节的方法'],
    ),
    lessons: [
      text(
        '太极拳的身法要求',
        '练太极拳讲究虚领顶劲、含胸拔背、沉肩坠肘、松腰敛臀。动作要连贯圆活，“迈步如猫行，运劲如抽丝”。\n\n屈膝时膝盖方向与脚尖一致，不要过度前跪，也不要内扣。初学时架子可以高一些，随着腿部力量增强再逐渐放低。',
      ),
      video('二十四式完整演练', 'arts/tai-chi/full-form', 6),
      video('分解教学：起势至白鹤亮翅', 'arts/tai-chi/part-1', 30),
      quiz('太极知识小测', 60, [
        single('二十四式太极拳的第一式是：', ['起势', '左右野马分鬃', '收势'], 0),
        single('练拳屈膝时，膝盖一般应当：', ['远远超过脚尖', '与脚尖方向一致，不过度前跪', '伸直锁死'], 1),
      ]),
    ],
    room: '健身房',
  },
  {
    key: 'choir',
    providerKey: 'elderly',
    programme: MUSIC_DANCE,
    title: '合唱基础与老歌新唱',
    titleEn: 'Choir Singing for Beginners',
    category: CourseCategory.CultureArts,
    mode: CourseMode.Offline,
    studyHours: 32,
    credits: 2,
    minAge: 50,
    coverText: '科学发声、识简谱、分声部，唱出和声之美。',
    description: desc(
      '合唱讲究“一个声音”，需要每个人学会倾听和配合。本课程从呼吸与发声练习开始，学习识读简谱，再分声部排练经典老歌和新创作的乡土歌曲。学期末，合唱班将参加县老年大学汇报演出和“村晚”演出。',
      ['胸腹式联合呼吸与科学发声', '简谱识读与节拍', '二声部合唱的排练方法', '舞台站位与演出礼仪'],
    ),
    lessons: [
      text(
        '合唱的呼吸',
        '唱歌用的是胸腹式联合呼吸：吸气时两肋和腹部自然向外扩张，肩膀不上提；呼气时保持住这种扩张感，让气息均匀、缓慢地送出。\n\n可以练习“嘶”音长呼气，看看一口气能坚持多少秒，逐步延长到二十秒以上。',
      ),
      video('发声练习跟练', 'arts/choir/vocal-warmup', 15),
      quiz('乐理小测', 60, [
        single('简谱中的“5”唱作：', ['do', 'mi', 'sol', 'la'], 2),
        single('合唱时最重要的是：', ['自己声音越大越好', '倾听他人、声部协调', '抢在伴奏前面唱'], 1),
      ]),
    ],
    room: '音乐教室 201',
  },
  {
    key: 'square-dance',
    providerKey: 'elderly',
    programme: MUSIC_DANCE,
    title: '广场舞编排',
    titleEn: 'Choreographing Square Dance',
    category: CourseCategory.CultureArts,
    mode: CourseMode.Offline,
    studyHours: 24,
    credits: 1.5,
    minAge: 50,
    coverText: '学会编排动作和队形，带出一支有精气神的广场舞队。',
    description: desc(
      '广场舞是很多村社最热闹的文体活动。本课程面向广场舞队员和领队，讲解热身与放松、基本舞步、队形变化和音乐剪辑，并指导各队编排一支参赛作品。课程也会讲到控制音量、合理选择场地，做文明跳舞的好邻居。',
      ['科学热身与运动损伤预防', '常用基本舞步与组合', '队形设计与变换', '用手机剪辑伴奏音乐'],
    ),
    lessons: [
      text(
        '编排一支舞的步骤',
        '先选音乐，把一首歌按前奏、主歌、副歌、间奏划分段落；再为每段设计动作，副歌部分动作要有记忆点，便于大家跟跳。\n\n队形变化以“横排—斜排—圆形—方块”为基础，变换时用八拍完成，保证队员不碰撞。',
      ),
      video('队形变化示范', 'arts/square-dance/formations', 18),
      quiz('编排知识小测', 60, [
        multiple(
          '组织广场舞活动时，下列做法正确的是：',
          ['控制音响音量', '避开居民休息时间', '跳舞前充分热身', '占用机动车道跳舞'],
          [0, 1, 2],
        ),
        single('一支广场舞参赛作品的时长一般以多少为宜？', ['3至5分钟', '20分钟', '1小时'], 0),
      ]),
    ],
  },
  {
    key: 'erhu',
    providerKey: 'elderly',
    programme: MUSIC_DANCE,
    title: '二胡入门',
    titleEn: 'Erhu for Beginners',
    category: CourseCategory.CultureArts,
    mode: CourseMode.Offline,
    studyHours: 32,
    credits: 2,
    minAge: 50,
    coverText: '从持琴、运弓到简单乐曲，拉响人生第一首二胡曲。',
    description: desc(
      '二胡音色婉转，是最具代表性的民族乐器之一。本课程面向零基础学员，从持琴姿势、运弓和左手按弦开始，逐步学习D调音阶和《茉莉花》《送别》等乐曲。课堂采用小班教学，每位学员都能得到老师的个别指导。',
      ['二胡的构造与保养', '持琴、持弓的正确姿势', '内外弦运弓与换弦', 'D调音阶和简单乐曲'],
    ),
    lessons: [
      text(
        '认识二胡',
        '二胡由琴筒、琴杆、琴轴、千斤、琴码和弓子等部分组成，两根弦分别为内弦和外弦，弓毛夹在两根弦之间。\n\n每次拉琴前给弓毛擦一点松香，拉完后把弓毛放松；琴放在阴凉干燥处，避免暴晒和受潮。',
      ),
      video('运弓基本功', 'arts/erhu/bowing', 20),
      quiz('二胡常识', 60, [
        single('二胡有几根弦？', ['一根', '两根', '四根'], 1),
        single('二胡演奏时，弓毛位于：', ['两根弦之间', '两根弦外侧', '琴筒背面'], 0),
      ]),
    ],
    room: '民乐教室 203',
  },
  {
    key: 'yue-opera',
    providerKey: 'elderly',
    programme: OPERA,
    title: '越剧唱腔入门',
    titleEn: 'Yue Opera Singing',
    category: CourseCategory.CultureArts,
    mode: CourseMode.Offline,
    studyHours: 24,
    credits: 1.5,
    minAge: 50,
    coverText: '学唱《梁祝》《红楼梦》经典选段，感受越剧之美。',
    description: desc(
      '越剧发源于浙江嵊州，唱腔委婉、表演细腻，被誉为我国第二大剧种。本课程由县越剧团的退休演员执教，介绍越剧的主要流派和基本唱腔，学唱《十八相送》《天上掉下个林妹妹》等经典选段。学有余力的学员还可以学习水袖和台步。',
      ['越剧的起源与主要流派', '尺调、弦下调等基本唱腔', '经典选段学唱', '水袖与台步的基本动作'],
    ),
    lessons: [
      text(
        '越剧小史',
        '越剧起源于清末嵊县（今嵊州市）一带的“落地唱书”，后进入上海发展壮大，逐渐形成袁派、尹派、范派、傅派、徐派等众多流派。\n\n越剧以女子越剧最具特色，唱腔以尺调腔和弦下腔为主，《梁山伯与祝英台》《红楼梦》都是家喻户晓的代表剧目。',
      ),
      video('《十八相送》选段教唱', 'arts/yue-opera/shiba-xiangsong', 26),
      quiz('戏曲知识小测', 60, [
        single('越剧发源于浙江的哪个地方？', ['嵊州', '温州', '湖州'], 0),
        single('“天上掉下个林妹妹”出自越剧：', ['《红楼梦》', '《梁山伯与祝英台》', '《五女拜寿》'], 0),
      ]),
    ],
  },
];
