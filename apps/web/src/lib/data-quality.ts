import './i18n/indicators.js';
import type { Message } from './i18n/index.js';

/** A duration in words at a readable grain: 「58 秒」, 「12 分钟」, 「3.5 小时」, 「2 天」; negative as recorded-first. */
export function durationMessage(seconds: number): Message {
  if (seconds < 0) return { key: 'quality.duration.negative' };
  if (seconds < 120) return { key: 'quality.duration.seconds', params: { n: Math.round(seconds) } };
  if (seconds < 2 * 3600) return { key: 'quality.duration.minutes', params: { n: Math.round(seconds / 60) } };
  if (seconds < 48 * 3600)
    return { key: 'quality.duration.hours', params: { n: Math.round(seconds / 360) / 10 } };
  return { key: 'quality.duration.days', params: { n: Math.round(seconds / 86400) } };
}

export const MOVED_SORTS = ['relative', 'absolute'] as const;
export type MovedSort = (typeof MOVED_SORTS)[number];

export function readMovedSort(value: string | null): MovedSort {
  return value === 'absolute' ? 'absolute' : 'relative';
}
