import { BadRequestException, Type } from '@nestjs/common';

import { createValidationPipe, ValidationErrorBody } from './validation.pipe';

/**
 * Runs a value through the platform's ValidationPipe as a request body (or query) would be: the
 * 400 body it is refused with, or undefined when it passes. For DTO specs in every app.
 */
export async function refusalOf(metatype: Type<object>, value: unknown, type: 'body' | 'query' = 'body'): Promise<ValidationErrorBody | undefined> {
  try {
    await createValidationPipe().transform(value, { type, metatype });
    return undefined;
  } catch (error) {
    if (error instanceof BadRequestException) return error.getResponse() as ValidationErrorBody;
    throw error;
  }
}
