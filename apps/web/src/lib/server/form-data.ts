/** Reads the named text fields of a submitted form, trimmed; a missing field reads as ''. */
export function readText<K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const name of names) {
    const value = form.get(name);
    values[name] = typeof value === 'string' ? value.trim() : '';
  }
  return values;
}

/** A password is read as typed (no trimming) and never returned to the page. */
export function readSecret(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
