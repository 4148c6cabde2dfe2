import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** CONVENTIONS.md rule 3: whitelist, forbid unknown fields, transform; errors name the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: flatten(errors).map((e) => `${e.field}: ${e.problems.join(', ')}`),
        fields: flatten(errors),
      }),
  });
}

interface FieldError {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
