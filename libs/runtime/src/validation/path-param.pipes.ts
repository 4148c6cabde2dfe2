import { BadRequestException, ParseEnumPipe, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';

// Nest's own pipes answer "Validation failed (uuid is expected)": these name the parameter, in the
// `<name>: <what it expects>` form of the ValidationPipe's lines.

/** A path or query parameter that must be a UUID. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${name}: ${name} must be a UUID`) });
}

/** A parameter that must be a whole number (range checks stay with the caller). */
export function intParam(name: string): ParseIntPipe {
  return new ParseIntPipe({ exceptionFactory: () => new BadRequestException(`${name}: ${name} must be a whole number`) });
}

/** A parameter that must be one of an enum's values. */
export function enumParam(name: string, values: Record<string, string>): ParseEnumPipe {
  return new ParseEnumPipe(values, {
    exceptionFactory: () => new BadRequestException(`${name}: ${name} must be one of ${Object.values(values).join(', ')}`),
  });
}
