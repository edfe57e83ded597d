import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Whitelist, refuse unknown fields, transform into DTO classes; failures become VALIDATION_FAILED with fields. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new DomainException(
        ErrorCode.ValidationFailed,
        `Some fields are missing or invalid: ${[...new Set(fields.map((f) => f.field))].join(', ')}.`,
        fields,
      );
    },
  });
}
