import type { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { ErrorCode } from '@cll/domain';
import { httpStatusFor } from '../common/domain.exception.js';
import type { RouteFacts } from './route-facts.js';

const ERROR_SCHEMA = '#/components/schemas/ErrorResponse';
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** What a status means to a caller, when the controller gave no description of its own. */
const STATUS_TEXT: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Not signed in, or the access token is expired or revoked',
  403: 'Signed in, but not allowed to do this',
  404: 'No such resource, or one the caller may not see',
  409: 'The resource is not in a state that allows this',
  413: 'The request body is larger than 1 MB',
  415: 'The request body is not JSON, or not in UTF-8',
  422: 'The request is understood but breaks a rule',
  429: 'Too many attempts; wait `retryAfterSeconds` (also in the Retry-After header)',
  500: 'Unexpected fault; quote the requestId when reporting it',
  503: 'The database is briefly unavailable; retry after the Retry-After header (5 s)',
};

/** The code a status means when a controller declares it without naming one. */
const GENERIC_CODE: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.AuthRequired,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
  500: ErrorCode.Internal,
  503: ErrorCode.ServiceUnavailable,
};

const SIGNED_IN_CODES = new Set<ErrorCode>([ErrorCode.AuthRequired, ErrorCode.AuthTokenInvalid]);

/** Error codes named in a description such as `ACCOUNT_EXISTS or ID_NUMBER_TAKEN`. */
export function codesNamedIn(text: string | undefined): ErrorCode[] {
  return [...new Set(text?.match(/\b[A-Z][A-Z0-9_]{2,}\b/g) ?? [])].filter((word): word is ErrorCode =>
    KNOWN_CODES.has(word),
  );
}

/** The answers every route of this kind can give, whatever its controller declares: they come from the
 * global guard (401, 403), the body parser, request policy and validation pipe (400, 413, 415), `:id` lookups
 * (404), and the error filter (500, 503). */
function standardCodes(operation: OperationObject, path: string, facts: RouteFacts): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (!facts.isPublic) codes.push(ErrorCode.AuthRequired, ErrorCode.AuthTokenInvalid);
  if (facts.roles.length) codes.push(ErrorCode.Forbidden);
  // A session that has not passed its second factor reaches only the exempt routes; weighty ones want a fresh code.
  if (!facts.isPublic && !facts.mfaExempt) codes.push(ErrorCode.MfaRequired);
  if (facts.stepUp) codes.push(ErrorCode.StepUpRequired);
  // The body parser reads a JSON body sent with any method, so even a GET without parameters can answer these.
  codes.push(ErrorCode.MalformedJson, ErrorCode.PayloadTooLarge, ErrorCode.UnsupportedMediaType);
  // The request policy checks any body sent to /api (depth, array length, text rules) before the route runs.
  if (path.startsWith('/api/')) codes.push(ErrorCode.BodyTooComplex, ErrorCode.ValidationFailed);
  else if (operation.requestBody || operation.parameters?.length) codes.push(ErrorCode.ValidationFailed);
  if (path.includes('{')) codes.push(ErrorCode.NotFound);
  codes.push(ErrorCode.Internal, ErrorCode.ServiceUnavailable);
  return codes;
}

/** One shared example per error code, in `components.examples`, referenced by every response that gives it. */
function errorExamples(codes: Iterable<ErrorCode>) {
  return Object.fromEntries(
    [...codes].sort().map((code) => [
      code,
      {
        summary: `${code} (HTTP ${httpStatusFor(code)})`,
        value: {
          code,
          message: 'A sentence for people, which may change; clients decide by `code`.',
          requestId: '5f0c1e9a-3b7d-4c2e-9a61-0d8f2b4c6e10',
          ...(code === ErrorCode.RateLimited ? { retryAfterSeconds: 600 } : {}),
        },
      },
    ]),
  );
}

function isErrorShaped(response: ResponseObject | ReferenceObject | undefined): boolean {
  if (!response || '$ref' in response || !response.content) return true;
  return Object.values(response.content).every(
    (media) => !media.schema || ('$ref' in media.schema && media.schema.$ref === ERROR_SCHEMA),
  );
}

/**
 * Gives every operation each 4xx/5xx answer it can give, as `application/json` ErrorResponse with one example
 * per error code. A code named in a controller's description must belong to the status it is declared under:
 * the document fails to build otherwise, so a wrong status in a decorator cannot reach the contract.
 */
export function addErrorResponses(document: OpenAPIObject, facts: Map<string, RouteFacts>): void {
  const used = new Set<ErrorCode>();
  const shared: Record<string, ResponseObject> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const id = operation.operationId ?? `${method} ${path}`;
      const fact = facts.get(id);
      if (!fact) throw new Error(`OpenAPI: no route metadata for operation ${id}`);
      const byStatus = new Map<number, ErrorCode[]>();
      for (const code of standardCodes(operation, path, fact)) {
        const status = httpStatusFor(code);
        byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
      }
      for (const [key, declared] of Object.entries(operation.responses)) {
        const status = Number(key);
        if (!(status >= 400)) continue;
        if (!isErrorShaped(declared)) {
          // The route answers this status with a body of its own (for example /health's 503).
          byStatus.delete(status);
          continue;
        }
        let named = codesNamedIn((declared as ResponseObject).description);
        if (fact.isPublic && operation.security?.length === 0) {
          // A controller-wide 401 does not hold for its public routes: the guard never asks them for a token.
          named = named.filter((code) => !SIGNED_IN_CODES.has(code));
          if (status === 401 && !named.length) {
            delete operation.responses[key];
            continue;
          }
        }
        for (const code of named) {
          if (httpStatusFor(code) !== status) {
            throw new Error(
              `OpenAPI: ${id} declares ${code} under ${status}, but the API answers it with ${httpStatusFor(code)}`,
            );
          }
        }
        const generic = GENERIC_CODE[status];
        const codes = [...named, ...(byStatus.get(status) ?? [])];
        if (!codes.length && generic) codes.push(generic);
        if (!codes.length) throw new Error(`OpenAPI: ${id} declares ${status} without naming its error code`);
        byStatus.set(status, codes);
      }
      for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
        const declared = (operation.responses[String(status)] as ResponseObject | undefined)?.description;
        const unique = [...new Set(codes)].sort();
        unique.forEach((code) => used.add(code));
        const response = errorResponse(declared || STATUS_TEXT[status] || `HTTP ${status}`, unique);
        if (declared && !onlyCodes(declared)) {
          operation.responses[String(status)] = response;
        } else {
          // Responses that say nothing beyond their codes are shared, which keeps the document small.
          const name = unique.map(pascal).join('Or');
          shared[name] = errorResponse(STATUS_TEXT[status] ?? `HTTP ${status}`, unique);
          operation.responses[String(status)] = { $ref: `#/components/responses/${name}` };
        }
      }
      operation.responses = sortResponses(operation.responses);
    }
  }
  document.components = {
    ...document.components,
    responses: Object.fromEntries(Object.entries(shared).sort(([a], [b]) => a.localeCompare(b))),
    examples: errorExamples(used),
  };
}

function errorResponse(description: string, codes: ErrorCode[]): ResponseObject {
  return {
    description,
    content: {
      'application/json': {
        schema: { $ref: ERROR_SCHEMA },
        examples: Object.fromEntries(codes.map((code) => [code, { $ref: `#/components/examples/${code}` }])),
      },
    },
  };
}

/** True when a description is nothing but error codes (`AUTH_REQUIRED or AUTH_TOKEN_INVALID`). */
function onlyCodes(description: string): boolean {
  return (
    codesNamedIn(description).length > 0 &&
    description.replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, '').replace(/\bor\b|[\s,]/g, '') === ''
  );
}

const pascal = (code: string) =>
  code.toLowerCase().replace(/(^|_)([a-z0-9])/g, (_, __: string, c: string) => c.toUpperCase());

function sortResponses<T>(responses: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
