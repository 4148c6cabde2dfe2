import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the ISO 20022 schemas live, relative to the repository root (and to /app in the image). */
const SCHEMA_ROOT = join('libs', 'payment-initiation', 'schemas');

/**
 * Reads a shipped XSD from wherever the code runs (sources under jest, dist/ after a build, /app
 * in the image), walking up from this file to the folder that holds libs/payment-initiation/schemas.
 */
export function readShippedSchema(file: string, from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, SCHEMA_ROOT, file);
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    if (dirname(dir) === dir) throw new Error(`${file} not found in ${SCHEMA_ROOT} above ${from}`);
  }
}
