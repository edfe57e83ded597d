import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { isCommonPassword } from '@cll/domain';
import { IsString, Length, Matches, ValidateBy } from 'class-validator';

/**
 * A new password's shape, checked by the validation pipe: 8–128 characters with a letter and a digit, not one of
 * the most used. The service then checks the breached list and the account's own details (PasswordPolicyService).
 */
export function IsNewPassword(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      minLength: 8,
      maxLength: 128,
      description:
        'At least 8 characters with a letter and a digit; not a leaked or common password, not the account’s own ' +
        'mobile, e-mail or name',
    }),
    IsString(),
    Length(8, 128),
    Matches(/(?=.*\p{L})(?=.*\d)/u, { message: '$property must contain a letter and a digit' }),
    ValidateBy({
      name: 'isNotCommonPassword',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isCommonPassword(value),
        defaultMessage: () => '$property is one of the most used passwords; choose another',
      },
    }),
  );
}
