import { ErrorCode } from '@cll/domain';
import type { NextFunction, Request, Response } from 'express';
import { httpStatusFor, type FieldProblem } from './domain.exception.js';
import { currentRequestId } from './request-context.js';
import { TEXT_PROBLEM_MESSAGES, textProblem } from './text-policy.js';

/** Deeper than any request the API takes (its deepest DTOs nest three levels); refused before any transformation. */
export const MAX_DEPTH = 32;
/** No request body of the API holds a longer array (each DTO bounds its own arrays more tightly). */
export const MAX_ARRAY_LENGTH = 5_000;
/** Keys whose values are kept exactly as typed (a password is hashed as it was typed). */
const VERBATIM_KEYS = /password/i;

type Refusal = { code: ErrorCode; message: string; fields?: FieldProblem[] };

function refuse(res: Response, refusal: Refusal): void {
  res.status(httpStatusFor(refusal.code)).json({
    code: refusal.code,
    message: refusal.message,
    requestId: currentRequestId() ?? res.getHeader('x-request-id'),
    ...(refusal.fields ? { fields: refusal.fields } : {}),
  });
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function isJson(req: Request): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * Walks the parsed body once, without recursion (a body nested 10,000 deep must not overflow the stack): refuses it
 * when too deep, an array too long, or a string breaking the text policy; puts every string into NFC.
 */
function checkBody(body: unknown): Refusal | null {
  const stack: Array<{
    value: unknown;
    path: string;
    depth: number;
    holder?: Record<string, unknown> | unknown[];
    key?: string | number;
  }> = [{ value: body, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth, holder, key } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) {
        const field = path || 'body';
        const message = `${field} ${TEXT_PROBLEM_MESSAGES[problem]}.`;
        return { code: ErrorCode.ValidationFailed, message, fields: [{ field, code: problem, message }] };
      }
      if (holder !== undefined && key !== undefined && !VERBATIM_KEYS.test(String(key))) {
        const normal = value.normalize('NFC');
        if (normal !== value) (holder as Record<string | number, unknown>)[key] = normal;
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) {
      return {
        code: ErrorCode.BodyTooComplex,
        message: `The request body is nested more than ${MAX_DEPTH} levels deep.`,
      };
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_ARRAY_LENGTH) {
        return {
          code: ErrorCode.BodyTooComplex,
          message: `${path || 'The request body'} holds more than ${MAX_ARRAY_LENGTH} items.`,
        };
      }
      value.forEach((item, i) =>
        stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1, holder: value, key: i }),
      );
      continue;
    }
    for (const [k, inner] of Object.entries(value as Record<string, unknown>)) {
      const problem = textProblem(k);
      if (problem) {
        const message = `A field name ${TEXT_PROBLEM_MESSAGES[problem]}.`;
        return { code: ErrorCode.ValidationFailed, message };
      }
      stack.push({
        value: inner,
        path: path ? `${path}.${k}` : k,
        depth: depth + 1,
        holder: value as Record<string, unknown>,
        key: k,
      });
    }
  }
  return null;
}

/**
 * Runs after the JSON body parser and before any guard, pipe or handler (so the sign-in guard, which reads the body
 * first, is covered too): API requests with a body must be JSON (415 otherwise: a form post or text/plain would
 * otherwise arrive as an empty body), and the body must pass checkBody.
 */
export function requestPolicy() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.path.startsWith('/api/') || !hasBody(req)) return next();
    if (!isJson(req)) {
      return refuse(res, {
        code: ErrorCode.UnsupportedMediaType,
        message: 'Send the request body as JSON (Content-Type: application/json).',
      });
    }
    const refusal = checkBody(req.body);
    if (refusal) return refuse(res, refusal);
    next();
  };
}
