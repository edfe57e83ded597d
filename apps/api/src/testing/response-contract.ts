import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * A second consumer of the committed OpenAPI document (libs/api-client/openapi.json), independent of the code
 * that wrote it: each real answer is looked up by method, path and status, and its body is checked with Ajv
 * against the schema the document claims for it. Object schemas are read as closed, so a field the API sends
 * but the document does not name is reported too (it would be invisible to a generated client).
 */

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

type Json = Record<string, unknown>;

export interface ObservedResponse {
  method: string;
  /** Request path, with or without its query string. */
  url: string;
  status: number;
  contentType: string | undefined;
  body: string;
  /** The body was too long to keep: only its status and type are checked. */
  truncated?: boolean;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
}

const DOCUMENT_URL = new URL('../../../../libs/api-client/openapi.json', import.meta.url);
const ROOT_ID = 'cll-openapi';

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Closes every object schema that lists its properties and says nothing about others. */
function closeObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closeObjects);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = key === 'example' || key === 'examples' ? child : closeObjects(child);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Json) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...(closeObjects(document) as Json), $id: ROOT_ID });
    this.routes = Object.entries(document.paths as Record<string, Json>)
      .flatMap(([template, item]) =>
        Object.keys(item).map((method) => ({
          method,
          template,
          params: (template.match(/\{/g) ?? []).length,
          pattern: new RegExp(
            `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)')}$`,
          ),
        })),
      )
      // A literal segment wins over a parameter (`/sessions/mine` before `/sessions/{id}`).
      .sort((a, b) => a.params - b.params);
  }

  static committed(): ResponseContract {
    return new ResponseContract(JSON.parse(readFileSync(DOCUMENT_URL, 'utf8')) as Json);
  }

  /** The documented operation for a request, or undefined when the path is not part of the contract. */
  operationFor(method: string, url: string): { template: string; operation: Json } | undefined {
    const path = url.split('?')[0];
    const route = this.routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
    if (!route) return undefined;
    const item = (this.document.paths as Record<string, Json>)[route.template];
    return { template: route.template, operation: item[route.method] as Json };
  }

  /** What is wrong with this answer according to the document, or undefined when it keeps the contract. */
  check(observed: ObservedResponse): string | undefined {
    const found = this.operationFor(observed.method, observed.url);
    if (!found) return undefined;
    const where = `${observed.method.toUpperCase()} ${found.template} → ${observed.status}`;
    const responses = found.operation.responses as Record<string, Json>;
    const key = [String(observed.status), `${String(observed.status)[0]}XX`, 'default'].find(
      (k) => responses[k],
    );
    if (!key) return `${where}: status not documented (documented: ${Object.keys(responses).join(', ')})`;
    let pointer = `/paths/${escapePointer(found.template)}/${observed.method.toLowerCase()}/responses/${key}`;
    let response = responses[key];
    if (typeof response.$ref === 'string') {
      pointer = response.$ref.slice(1);
      const name = response.$ref.split('/').pop() as string;
      response = ((this.document.components as Json).responses as Record<string, Json>)[name];
    }
    const content = response.content as Record<string, Json> | undefined;
    if (!content) {
      return observed.body.length && observed.status !== 200
        ? `${where}: a body was sent where the document declares none`
        : undefined;
    }
    const mediaType = (observed.contentType ?? '').split(';')[0].trim().toLowerCase();
    const media = content[mediaType];
    if (!media) {
      return `${where}: answered ${mediaType || 'without a content type'}, documented ${Object.keys(content).join(', ')}`;
    }
    if (!mediaType.endsWith('json') || !media.schema || observed.truncated) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(observed.body);
    } catch {
      return `${where}: the body is not JSON`;
    }
    const schemaPointer = `${pointer}/content/${escapePointer(mediaType)}/schema`;
    const validate = this.validator(schemaPointer);
    if (!validate(body)) {
      // Array indices are left out, so that one wrong field in a list reads as one problem.
      const problems = new Set(
        (validate.errors ?? []).map(
          (e) =>
            `${e.instancePath.replace(/\/\d+/g, '/*') || '(root)'} ${e.message ?? ''}${paramsOf(e.params)}`,
        ),
      );
      return `${where}: body does not match the schema: ${[...problems].slice(0, 5).join('; ')}`;
    }
    const examples = media.examples as Json | undefined;
    const code = (body as { code?: unknown }).code;
    if (observed.status >= 400 && examples && typeof code === 'string' && !(code in examples)) {
      return `${where}: error code ${code} is not among the documented ones (${Object.keys(examples).join(', ')})`;
    }
    return undefined;
  }

  private validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${ROOT_ID}#${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

function paramsOf(params: Record<string, unknown>): string {
  const extra = params.additionalProperty ?? params.missingProperty ?? params.allowedValues;
  return extra === undefined ? '' : ` (${JSON.stringify(extra)})`;
}

/** Bodies longer than this (CSV exports of many rows) are checked for status and type only. */
const MAX_RECORDED_BODY = 2 * 1024 * 1024;

/** Keeps every answer the server sends, for a contract check after the test file. */
export function recordResponses(server: Server): ObservedResponse[] {
  const seen: ObservedResponse[] = [];
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size <= MAX_RECORDED_BODY) chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return end(...args);
    }) as typeof res.end;
    res.once('finish', () => {
      const contentType = res.getHeader('content-type');
      seen.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        status: res.statusCode,
        contentType: typeof contentType === 'string' ? contentType : undefined,
        body: size <= MAX_RECORDED_BODY ? Buffer.concat(chunks).toString('utf8') : '',
        truncated: size > MAX_RECORDED_BODY,
      });
    });
  });
  return seen;
}

/** Every broken promise of the document in these answers, once per distinct problem. */
export function contractProblems(observed: ObservedResponse[], contract = ResponseContract.committed()) {
  const problems = new Set<string>();
  for (const response of observed) {
    const problem = contract.check(response);
    if (problem) problems.add(problem);
  }
  return [...problems];
}
