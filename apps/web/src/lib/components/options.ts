export interface Option {
  value: string;
  label: string;
}

export interface OptionGroup {
  label: string;
  options: Option[];
}

/** Options for an enumeration whose labels are the i18n keys `<prefix>.<value>`. */
export function labelledOptions(
  t: (key: string) => string,
  prefix: string,
  values: readonly string[],
): Option[] {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
