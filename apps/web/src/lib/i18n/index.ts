import { en } from './en.js';
import { zhCN, type MessageKey } from './zh-CN.js';

export type { MessageKey };

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
/** Cookie that remembers the chosen language for a year. */
export const LOCALE_COOKIE = 'cll_lang';

export type MessageParams = Record<string, string | number>;

/** A translatable message: the server picks the key, the page renders it in the reader's language. */
export interface Message {
  key: string;
  params?: MessageParams;
}

const dictionaries: Record<Locale, Record<string, string>> = { 'zh-CN': { ...zhCN }, en: { ...en } };

/**
 * Adds an area's messages to both languages. The bureau's indicator pages bring theirs this way (see
 * `indicators.ts`), so learners' pages never download them; the keys must not clash with the shared ones.
 */
export function addMessages(messages: Record<Locale, Record<string, string>>): void {
  for (const locale of LOCALES) Object.assign(dictionaries[locale], messages[locale]);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function hasMessage(key: string): boolean {
  return key in dictionaries[DEFAULT_LOCALE];
}

/**
 * Translates a key. Keys built at run time (`error.${code}`) are accepted as plain strings;
 * an unknown key falls back to the default language, then to the key itself so a gap is visible, not blank.
 */
export function t(locale: Locale, key: MessageKey | (string & {}), params?: MessageParams): string {
  const template = dictionaries[locale][key] ?? dictionaries[DEFAULT_LOCALE][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(locale: Locale, message: Message): string {
  return t(locale, message.key, message.params);
}
