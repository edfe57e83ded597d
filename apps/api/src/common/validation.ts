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
/**
 * class-transformer throws on some hostile values before validation runs (an object whose `toString` is not a
 * function, converted to a number); such input is the client's mistake, so it is refused as invalid, not a 500.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return (await super.transform(value, metadata)) as unknown;
    } catch (error) {
      if (error instanceof DomainException) throw error;
      throw new DomainException(ErrorCode.ValidationFailed, 'Some fields have values of the wrong kind.', [
        { field: metadata.data ?? metadata.type, code: 'unreadable', message: 'A value could not be read.' },
      ]);
    }
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
