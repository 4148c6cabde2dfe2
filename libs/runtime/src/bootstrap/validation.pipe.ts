import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** One refused field: its path (`card.ksn`) and what was expected there. */
export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/** The 400 body every service answers for a refused request body, query or message. */
export interface ValidationErrorBody {
  readonly statusCode: 400;
  readonly error: 'Bad Request';
  /** One line per field, `<field>: <what it expects>` (`card.ksn: ksn must be 20 uppercase hex digits`). */
  readonly message: string[];
  readonly fields: FieldProblem[];
}

/**
 * CONVENTIONS.md rule 3: whitelist, forbid unknown fields, transform; errors name the field.
 * One message per field: class-validator checks a property's decorators from the one nearest the
 * property upwards and stops at the first that fails, so a DTO puts presence and type nearest the
 * property and each message says what is expected (a string amount reads "must be an integer",
 * not also "must not be less than 1").
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new BadRequestException(validationErrorBodyOf(errors)),
  });
}

export function validationErrorBodyOf(errors: ValidationError[]): ValidationErrorBody {
  const fields = flatten(errors);
  return { statusCode: 400, error: 'Bad Request', message: fields.map((f) => `${f.field}: ${f.problem}`), fields };
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const first = error.constraints ? Object.values(error.constraints)[0] : undefined;
    const own = first === undefined ? [] : [{ field, problem: first }];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
