import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, Length } from 'class-validator';

import { MAX_ACCOUNT_LENGTH } from '../payee';

/** The payer's account at the payee (a phone number, a contract number…), as the payee's account format takes it. */
export const PayerAccount = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      example: '+420777123456',
      maxLength: MAX_ACCOUNT_LENGTH,
      description: "the payer's account at the payee, matched whole against the payee's pattern, then its check digits",
    }),
    Length(1, MAX_ACCOUNT_LENGTH, { message: `account must be 1-${MAX_ACCOUNT_LENGTH} characters` }),
    IsString({ message: 'account must be a string' }),
    IsDefined({ message: "account is required (the payer's account at the payee)" }),
  );
