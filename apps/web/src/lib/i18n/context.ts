import { getContext, setContext } from 'svelte';
import { t, translate, type Locale, type Message, type MessageKey, type MessageParams } from './index.js';

export interface I18n {
  readonly locale: Locale;
  t(this: void, key: MessageKey | (string & {}), params?: MessageParams): string;
  m(message: Message): string;
}

const KEY = Symbol('i18n');

/** Called once in the root layout; `getLocale` is reactive, so a language change re-renders every string. */
export function setI18n(getLocale: () => Locale): I18n {
  const i18n: I18n = {
    get locale() {
      return getLocale();
    },
    t: (key, params) => t(getLocale(), key, params),
    m: (message) => translate(getLocale(), message),
  };
  return setContext(KEY, i18n);
}

export function getI18n(): I18n {
  const i18n = getContext<I18n | undefined>(KEY);
  if (!i18n) throw new Error('getI18n() called outside the root layout');
  return i18n;
}
