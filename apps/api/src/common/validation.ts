import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ErrorCode } from '@cll/domain';
import { DomainException, type FieldProblem } from './domain.exception.js';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknownField' : code,
      // class-validator messages echo the property name, never the submitted value.
      message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): DomainException {
  const fields = flatten(errors);
  return new DomainException(
    ErrorCode.ValidationFailed,
    `Some fields are missing or invalid: ${[...new Set(fields.map((f) => f.field))].join(', ')}.`,
    fields,
  );
}

/**
 * Validates a body outside the pipe (a guard that reads it first, such as the login's); throws VALIDATION_FAILED
 * exactly as the pipe would.
 */
export function assertValidBody(dto: new () => object, body: unknown): void {
  const errors = validateSync(plainToInstance(dto, body ?? {}), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length) throw validationFailed(errors);
}

/** Whitelist, refuse unknown fields, transform into DTO classes; failures become VALIDATION_FAILED with fields. */
const HOSTILE_KEYS = new Set(['toString', 'valueOf', 'toJSON', 'constructor', '__proto__', 'prototype']);

/** The first key anywhere in a request value that names an object built-in, as a dotted path; or null. */
function hostileKey(value: unknown, path: string, depth = 0): string | null {
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (HOSTILE_KEYS.has(key)) return here;
    const found = hostileKey(inner, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses keys such as `toString` or `__proto__` before class-transformer sees them: it calls them while converting
 * (an object whose `toString` is not a function made it throw, a 500 for the client's mistake). No DTO has such a
 * field, so they are unknown fields.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const key = hostileKey(value, '');
    if (key !== null) {
      throw new DomainException(ErrorCode.ValidationFailed, `Some fields are not allowed: ${key}.`, [
        { field: key, code: 'unknownField', message: `${key} is not a field of this request.` },
      ]);
    }
    return (await super.transform(value, metadata)) as unknown;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: validationFailed,
  });
}
