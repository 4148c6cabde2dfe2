import { logCreator, logLevel } from 'kafkajs';

import { BusLogger } from '../core/bus-logger';

/** Routes kafkajs' own warnings and errors to the caller's logger; its info and debug stay silent. */
export function kafkaLogCreator(logger: BusLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...context } = log;
      const text = `kafkajs ${namespace}: ${message}`;
      if (level === logLevel.ERROR) logger.error(text, context);
      else if (level === logLevel.WARN) logger.warn(text, context);
    };
}
