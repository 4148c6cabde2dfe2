import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Level, Logger } from 'pino';

// Nest's levels from most to least verbose, and the pino level each one writes at.
const NEST_TO_PINO: ReadonlyArray<readonly [LogLevel, Level]> = [
  ['verbose', 'trace'],
  ['debug', 'debug'],
  ['log', 'info'],
  ['warn', 'warn'],
  ['error', 'error'],
  ['fatal', 'fatal'],
];
const STACK_PATTERN = /^.*\n\s+at .+/;

/**
 * Nest's LoggerService on top of the redacting pino logger, so Nest's own lines (bootstrap, route
 * mapping, the exceptions handler's stack traces) are JSON and scrubbed like everything else.
 * Nest's trailing string argument is the `context` field; for `error`, a stack argument is the
 * `stack` field. Give it to `NestFactory.create(module, { logger })` or `app.useLogger()`.
 */
export class NestJsonLogger implements LoggerService {
  constructor(
    private readonly logger: Logger,
    private readonly context?: string,
  ) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', message, optionalParams, false);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams, true);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams, false);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams, false);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('trace', message, optionalParams, false);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams, true);
  }

  /** pino has one threshold: the most verbose level Nest enables; none enabled means silent. */
  setLogLevels(levels: LogLevel[]): void {
    const enabled = NEST_TO_PINO.find(([nestLevel]) => levels.includes(nestLevel));
    this.logger.level = enabled ? enabled[1] : 'silent';
  }

  private write(level: Level, message: unknown, optionalParams: unknown[], withStack: boolean): void {
    const params = [...optionalParams];
    const fields: Record<string, unknown> = {};
    const onlyStack = withStack && params.length === 1 && isStack(params[0]);
    const context = !onlyStack && typeof params.at(-1) === 'string' ? (params.pop() as string) : this.context;
    if (context !== undefined) fields.context = context;
    if (withStack && params.length > 0 && (typeof params[0] === 'string' || params[0] === undefined)) {
      const stack = params.shift();
      if (stack !== undefined) fields.stack = stack;
    }
    if (params.length > 0) fields.params = params;

    if (message instanceof Error) {
      fields.err = message;
      this.logger[level](fields, message.message);
    } else if (typeof message === 'string') {
      this.logger[level](fields, message);
    } else {
      fields.data = message;
      this.logger[level](fields);
    }
  }
}

function isStack(value: unknown): boolean {
  return typeof value === 'string' && STACK_PATTERN.test(value);
}
