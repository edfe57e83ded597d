import { dataQualityEn } from './en/data-quality.js';
import { indicatorsEn } from './en/indicators.js';
import { addMessages } from './index.js';
import { dataQualityZhCN } from './zh-CN/data-quality.js';
import { indicatorsZhCN } from './zh-CN/indicators.js';

/**
 * The bureau's indicator, baseline and data-quality messages. They join the dictionaries when a bureau page's code
 * loads (every module that words indicators imports this one), so the dictionaries every learner downloads stay small.
 */
addMessages({
  'zh-CN': { ...indicatorsZhCN, ...dataQualityZhCN },
  en: { ...indicatorsEn, ...dataQualityEn },
});
