import { describe, expect, it } from 'vitest';
import { type ObservedResponse, ResponseContract } from '../testing/response-contract.js';

const contract = ResponseContract.committed();
const json = 'application/json; charset=utf-8';
const township = { code: '330782101000', name: '城关镇', nameEn: 'Chengguan Town' };
const answer = (over: Partial<ObservedResponse>): ObservedResponse => ({
  method: 'GET',
  url: '/api/geo/townships',
  status: 200,
  contentType: json,
  body: JSON.stringify([township]),
  ...over,
});
const error = (code: string) => JSON.stringify({ code, message: '请先登录', requestId: 'r-1' });

describe('response contract (Ajv over the committed OpenAPI document)', () => {
  it('accepts an answer that matches its schema, whatever the query string', () => {
    expect(contract.check(answer({}))).toBeUndefined();
    expect(contract.check(answer({ url: '/api/geo/townships?lang=zh-CN' }))).toBeUndefined();
  });

  it('rejects a body that lies: a wrong type, a missing field, or a field the document does not name', () => {
    const wrongType = answer({ body: JSON.stringify([{ ...township, code: 330782101000 }]) });
    expect(contract.check(wrongType)).toMatch(/\/\*\/code must be string/);
    const { nameEn: _omitted, ...missing } = township;
    expect(contract.check(answer({ body: JSON.stringify([missing]) }))).toMatch(/nameEn/);
    const extra = answer({ body: JSON.stringify([{ ...township, idNumber: '330782195001011234' }]) });
    expect(contract.check(extra)).toMatch(/must NOT have additional properties \("idNumber"\)/);
  });

  it('rejects a status, a content type or an error code the operation does not document', () => {
    expect(contract.check(answer({ status: 418 }))).toMatch(/status not documented/);
    expect(contract.check(answer({ contentType: 'text/html' }))).toMatch(/answered text\/html/);
    // GET /api/me documents 401 with AUTH_REQUIRED and AUTH_TOKEN_INVALID, not AUTH_INVALID_CREDENTIALS.
    const me = { method: 'GET', url: '/api/me', status: 401, contentType: json };
    expect(contract.check({ ...me, body: error('AUTH_TOKEN_INVALID') })).toBeUndefined();
    expect(contract.check({ ...me, body: error('AUTH_INVALID_CREDENTIALS') })).toMatch(
      /AUTH_INVALID_CREDENTIALS is not among the documented ones/,
    );
    expect(contract.check({ ...me, body: error('NO_SUCH_CODE') })).toMatch(/code must be equal to one of/);
  });

  it('takes null where the document says nullable (a reference or a plain field), and nowhere else', () => {
    const me = {
      id: '0b7f6a52-6c1e-4f7a-9d38-2f1a5b9c7e01',
      name: '王秀兰',
      mobile: null,
      email: null,
      locale: 'zh-CN',
      displayMode: 'elder',
      accountNumber: null,
      managed: false,
      servicePoints: [],
      roles: [],
      profile: null,
      createdAt: '2026-03-01T08:00:00.000Z',
      privacyNotice: { currentVersion: '2026-12', acceptedVersion: null, acceptanceRequired: true },
    };
    const get = (body: unknown) =>
      contract.check({
        method: 'GET',
        url: '/api/me',
        status: 200,
        contentType: json,
        body: JSON.stringify(body),
      });
    expect(get(me)).toBeUndefined();
    expect(get({ ...me, name: null })).toMatch(/\/name must be string/);
    expect(get({ ...me, profile: { townshipCode: 1 } })).toMatch(/\/profile/);
  });

  it('matches a literal path segment before a parameter, and leaves paths outside the document alone', () => {
    expect(contract.operationFor('GET', '/api/catalogue/courses')?.template).toBe('/api/catalogue/courses');
    expect(
      contract.operationFor('GET', '/api/catalogue/courses/0b7f6a52-6c1e-4f7a-9d38-2f1a5b9c7e01')?.template,
    ).toBe('/api/catalogue/courses/{id}');
    expect(contract.check(answer({ url: '/api/docs/', contentType: 'text/html', body: '<html>' }))).toBe(
      undefined,
    );
  });
});
