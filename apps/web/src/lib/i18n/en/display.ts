import type { displayZhCN } from '../zh-CN/display.js';

export const displayEn: Record<keyof typeof displayZhCN, string> = {
  'display.switchTo': 'Switch to',
  'display.elder': 'Elder mode',
  'display.standard': 'Standard view',
  'display.heading': 'Display',
  'display.current': 'You are using: {mode}.',
  'display.elder.text':
    'Elder mode has larger text, larger buttons and stronger colours, and can read the page aloud.',
  'display.deviceOnly': 'This setting is saved on this phone or computer only.',
  'display.readAloud': 'Read aloud',
  'display.stopReading': 'Stop reading',
};
