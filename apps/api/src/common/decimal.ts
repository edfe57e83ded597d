import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A finite number with at most `places` decimal places. class-validator's `IsNumber({ maxDecimalPlaces })` throws on
 * numbers JavaScript writes in exponent form (5e-324), which turned such input into a 500; this checks the value
 * itself.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  const factor = 10 ** places;
  return ValidateBy(
    {
      name: 'isDecimal',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Math.abs(Math.round(value * factor) - value * factor) < 1e-6,
        defaultMessage: () => `$property must be a number with at most ${places} decimal place(s)`,
      },
    },
    options,
  );
}
