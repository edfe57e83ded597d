import { indicatorsEn } from './en/indicators.js';
import { addMessages } from './index.js';
import { indicatorsZhCN } from './zh-CN/indicators.js';

/**
 * The bureau's indicator and baseline messages. They join the dictionaries when a bureau page's code loads (every
 * module that words indicators imports this one), so the dictionaries every learner downloads stay small.
 */
addMessages({ 'zh-CN': indicatorsZhCN, en: indicatorsEn });
