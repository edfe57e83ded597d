import { AGREEMENT_EVENT_TYPES } from '@cll/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditActionKey } from './audit-actions.js';
import { en } from './i18n/en.js';
import { zhCN } from './i18n/zh-CN.js';

const API_SRC = fileURLToPath(new URL('../../../api/src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['testing', 'migrations'].includes(entry.name) ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Action codes written as templates, with every value the template can take. A new template fails the test until
 * it is listed here.
 */
const TEMPLATES: Record<string, readonly string[]> = {
  'apprenticeship.${input.type}': AGREEMENT_EVENT_TYPES.map((t) => `apprenticeship.${t}`),
  'apprenticeship.${type}': AGREEMENT_EVENT_TYPES.map((t) => `apprenticeship.${t}`),
  'job.${done}': ['job.retried', 'job.removed'],
};

/**
 * Every action code in the API's source, found two ways: string literals on lines with `action:` (whatever their
 * prefix), and any literal `<prefix>.<word>` with a prefix seen there (codes passed as arguments, like
 * `recordUnchanged(…, 'apprenticeship.amendment_unchanged')`).
 */
function actionCodesInApi(): { codes: Set<string>; unknownTemplates: string[] } {
  const files = sources(API_SRC).map((f) => readFileSync(f, 'utf8'));
  const codes = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const text of files) {
    for (const line of text.split('\n').filter((l) => /\baction: /.test(l))) {
      for (const [, code] of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) codes.add(code);
      for (const [, template] of line.matchAll(/`([a-z_]+\.\$\{[\w.]+\})`/g)) {
        if (template in TEMPLATES) TEMPLATES[template].forEach((c) => codes.add(c));
        else unknownTemplates.push(template);
      }
    }
  }
  const prefixes = new Set([...codes].map((c) => c.split('.')[0]));
  for (const text of files) {
    for (const [, code] of text.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) {
      if (prefixes.has(code.split('.')[0])) codes.add(code);
    }
  }
  return { codes, unknownTemplates };
}

describe('labels of audit actions', () => {
  const { codes, unknownTemplates } = actionCodesInApi();

  it('finds the codes of the API (a sanity check on the search itself)', () => {
    expect(unknownTemplates).toEqual([]);
    for (const known of [
      'auth.login',
      'apprenticeship.amendment_unchanged',
      'apprenticeship.paused',
      'job.retried',
    ])
      expect(codes).toContain(known);
    expect(codes.size).toBeGreaterThan(50);
  });

  it('has a label in Chinese and in English for every action code the API records', () => {
    const missing = [...codes].filter((c) => !(`auditAction.${c}` in zhCN) || !(`auditAction.${c}` in en));
    expect(missing).toEqual([]);
    for (const code of codes) expect(auditActionKey(code)).toBe(`auditAction.${code}`);
  });

  it('has no label for a code the API no longer records', () => {
    const labelled = Object.keys(zhCN)
      .filter((k) => k.startsWith('auditAction.'))
      .map((k) => k.slice('auditAction.'.length));
    expect(labelled.filter((c) => !codes.has(c))).toEqual([]);
  });

  it('shows a code it has no label for as it is', () => {
    expect(auditActionKey('something.new')).toBeNull();
  });
});
