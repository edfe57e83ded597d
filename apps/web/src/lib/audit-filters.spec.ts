import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditQueryString, readAuditFilters } from './audit-filters.js';

const read = (query: string) => readAuditFilters(new URLSearchParams(query));

describe('audit trail filters from the address', () => {
  it('reads every filter and keeps valid ones without errors', () => {
    const { filters, errors } = read(
      'action=course.created&actor=0b7c3f1e-9a34-4c1b-8f4e-2d8a6b5c4e21&entityType=course&entityId=e1&from=2026-03-01&to=2026-03-01',
    );
    expect(errors).toEqual({});
    expect(filters).toEqual({
      action: 'course.created',
      actor: '0b7c3f1e-9a34-4c1b-8f4e-2d8a6b5c4e21',
      entityType: 'course',
      entityId: 'e1',
      from: '2026-03-01',
      to: '2026-03-01',
    });
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['to=2026-13-01', 'to'],
    ['from=01%2F03%2F2026', 'from'],
    ['from=2026-03-02&to=2026-03-01', 'to'],
    ['actor=13800000001', 'actor'],
    ['entityType=Course%3B', 'entityType'],
    ['action=%E7%99%BB%E5%BD%95', 'action'],
    [`entityId=${'x'.repeat(65)}`, 'entityId'],
  ])('names the field of %s', (query, field) => {
    expect(Object.keys(read(query).errors)).toEqual([field]);
  });

  it('writes the filters back without the empty ones, and the page past the first', () => {
    expect(auditQueryString({ action: '', actor: 'a', from: '2026-03-01' })).toBe('actor=a&from=2026-03-01');
    expect(auditQueryString({ entityType: 'course' }, 3)).toBe('entityType=course&page=3');
    expect(auditQueryString({}, 1)).toBe('');
  });

  it('offers every labelled action code, each once', () => {
    expect(AUDIT_ACTIONS).toContain('auth.login');
    expect(AUDIT_ACTIONS).toContain('audit.viewed');
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(AUDIT_ACTIONS.every((a) => /^[a-z_.]{1,60}$/.test(a))).toBe(true);
  });
});
