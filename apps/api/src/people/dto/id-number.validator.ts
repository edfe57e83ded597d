import { isValidIdNumber } from '@cll/domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** GB 11643 format, birth date and check character. The message never echoes the value. */
export function IsResidentIdNumber(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isResidentIdNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property is not a valid resident ID number (check the digits and the last character)',
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidIdNumber(value) },
    });
}
