import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Iso8583Message } from '../spec/iso8583-spec.types';

/**
 * jPOS's own test messages live in the shared folder beside the repository (see ENVIRONMENT.md,
 * "Public fixtures"). Tests read them in place; a missing folder fails the test, never skips it.
 */
export const JPOS_FIXTURES = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'iso8583', 'jpos');

export function readJposBin(file: string): Buffer {
  return readFileSync(join(JPOS_FIXTURES, file));
}

/** Reads an ISO87.xml-style <isomsg> with <field id value> lines into a message (id 0 is the MTI). */
export function readJposXml(file: string): Iso8583Message {
  const xml = readFileSync(join(JPOS_FIXTURES, file), 'latin1');
  const fields: Record<number, string> = {};
  let mti = '';
  for (const match of xml.matchAll(/<field\s+id="(\d+)"\s+value="([^"]*)"/g)) {
    const id = Number(match[1]);
    if (id === 0) mti = match[2];
    else fields[id] = match[2];
  }
  return { mti, fields };
}
