/**
 * The synonyms the platform starts with (the SearchWords migration copies them into search_synonyms; from then on
 * the bureau keeps them in its screen). `term` is what a resident says, `synonyms` what the catalogue says; two-way
 * rows work in both directions (电商 ⇄ 电子商务), one-way rows only from the everyday word (做饭 → 烹调, not back).
 */
export interface SeedSynonym {
  term: string;
  synonyms: string[];
  twoWay: boolean;
}

const two = (term: string, ...synonyms: string[]): SeedSynonym => ({ term, synonyms, twoWay: true });
const one = (term: string, ...synonyms: string[]): SeedSynonym => ({ term, synonyms, twoWay: false });

export const SEED_SYNONYMS: SeedSynonym[] = [
  // Abbreviations and everyday names of catalogue words
  two('电商', '电子商务'),
  two('电脑', '计算机'),
  two('微机', '计算机'),
  one('老人', '老年人', '老年'),
  two('反诈', '防范诈骗', '防诈骗', '电信诈骗'),
  one('心肺复苏', '急救'),
  two('带娃', '育婴', '家庭教育'),
  // Colloquial trade names → the formal one
  one('做饭', '烹调', '烹饪', '厨师'),
  one('炒菜', '烹调', '烹饪'),
  one('厨师', '烹调', '中式烹调'),
  one('烧菜', '烹调'),
  one('做点心', '面点'),
  one('蒸馒头', '面点'),
  one('护工', '养老护理', '护理员'),
  one('照顾老人', '养老护理'),
  one('伺候老人', '养老护理'),
  one('看护', '护理'),
  one('月嫂', '育婴', '母婴护理'),
  one('带孩子', '育婴', '家庭教育'),
  one('保姆', '家政', '育婴'),
  one('开网店', '电子商务', '网店'),
  one('网上卖货', '电子商务', '直播带货'),
  one('卖货', '电子商务', '直播带货'),
  one('直播', '直播带货', '短视频'),
  one('抖音', '短视频', '直播带货'),
  one('拍视频', '短视频', '摄影'),
  one('拍照', '摄影'),
  one('照相', '摄影'),
  one('电焊', '焊接', '焊工'),
  one('烧电焊', '焊接', '焊工'),
  one('修电器', '电工', '家电维修'),
  one('接电线', '电工'),
  one('水电工', '电工'),
  one('写毛笔字', '书法'),
  one('毛笔字', '书法'),
  one('练字', '书法'),
  one('画画', '国画', '绘画'),
  one('唱歌', '合唱', '声乐'),
  one('跳舞', '广场舞', '舞蹈'),
  one('喝茶', '茶艺'),
  one('泡茶', '茶艺'),
  one('种茶', '茶叶种植'),
  one('种果树', '果树栽培'),
  one('剪枝', '果树栽培', '修剪'),
  one('拖拉机', '农业机械'),
  one('农机', '农业机械'),
  one('修农机', '农业机械'),
  one('被骗', '防范诈骗'),
  one('骗子', '防范诈骗'),
  one('诈骗', '防范诈骗'),
  one('养身体', '养生'),
  one('保养身体', '养生'),
  one('救人', '急救'),
  one('打字', '计算机', '办公软件'),
  one('上网', '计算机', '智能手机'),
  one('用手机', '智能手机'),
  one('玩手机', '智能手机'),
  one('视频通话', '智能手机', '微信'),
  one('扫码', '移动支付', '智能手机'),
  one('付款', '移动支付'),
  one('存钱', '家庭理财'),
  one('管孩子', '家庭教育'),
  one('教孩子', '家庭教育'),
  one('做表格', '办公软件', 'excel'),
  // English spelling and spacing variants
  two('smartphone', 'smart phone', '智能手机'),
  two('ecommerce', 'e-commerce', 'e commerce', '电子商务'),
  two('taichi', 'tai chi', '太极拳'),
  two('excel', '电子表格', '办公软件'),
  two('wechat', 'we chat', '微信'),
  two('computer', '计算机'),
  two('pc', '计算机'),
  two('first aid', 'firstaid', '急救'),
  two('cpr', '心肺复苏'),
  two('welding', 'welder', '焊接'),
  two('cooking', 'cook', 'chef', '烹调'),
];
