import type { FormErrors } from './forms.js';

/** The bureau's synonym form: the synonyms are typed in one field, separated by commas (，、, or ;). */
export interface SynonymValues {
  term: string;
  synonyms: string;
  twoWay: boolean;
  note: string;
}

export function splitSynonyms(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function checkSynonymForm(values: SynonymValues): FormErrors {
  const errors: FormErrors = {};
  if (!values.term.trim()) errors.term = { key: 'validation.required' };
  else if (values.term.trim().length > 40) errors.term = { key: 'validation.maxLength' };
  const list = splitSynonyms(values.synonyms).filter((s) => s !== values.term.trim());
  if (!list.length) errors.synonyms = { key: 'synonyms.needOne' };
  else if (list.length > 20 || list.some((s) => s.length > 40)) errors.synonyms = { key: 'synonyms.tooMany' };
  return errors;
}
