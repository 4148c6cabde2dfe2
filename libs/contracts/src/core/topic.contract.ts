import { z } from 'zod';

/**
 * A topic and the schema of every message on it. Events are named
 * `<domain>.<entity>.<event>.v<N>`, commands `<service>.<command>.v<N>` (ARCHITECTURE.md).
 */
export interface TopicContract<T> {
  readonly name: string;
  readonly schema: z.ZodType<T>;
}

const EVENT_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;
const COMMAND_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

export function defineEvent<T>(name: string, schema: z.ZodType<T>): TopicContract<T> {
  if (!EVENT_NAME.test(name)) {
    throw new Error(`event topic "${name}" must read <domain>.<entity>.<event>.v<N>`);
  }
  return { name, schema };
}

export function defineCommand<T>(name: string, schema: z.ZodType<T>): TopicContract<T> {
  if (!COMMAND_NAME.test(name)) throw new Error(`command topic "${name}" must read <service>.<command>.v<N>`);
  return { name, schema };
}

/** The dead-letter topic of a topic: where a message goes after its last failed attempt. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.DLT`;
}
