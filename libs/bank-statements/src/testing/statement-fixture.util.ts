import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The public bank statement samples live in the shared folder beside the repository (see
 * ENVIRONMENT.md, "Public fixtures"). Tests read them in place; a missing folder fails the test.
 */
export const STATEMENT_FIXTURES = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'bank-statements');

export function readStatementFixture(file: string): string {
  return readFileSync(join(STATEMENT_FIXTURES, file), 'utf8');
}
