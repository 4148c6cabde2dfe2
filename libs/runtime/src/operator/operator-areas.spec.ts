import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
/** Routes for any signed-in operator (their own session and account): no area on purpose. */
const ANY_OPERATOR = new Set(['apps/gateway/src/operators/operator-session.controller.ts']);

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' || name === 'node_modules' ? [] : sourcesUnder(path);
    return name.endsWith('.ts') && !name.includes('.spec.') && !name.includes('.int-spec.') ? [path] : [];
  });
}

describe('operator endpoints', () => {
  it('name their area of the permission table, so a role sees only what it may (except the session routes)', () => {
    const unnamed = sourcesUnder(join(ROOT, 'apps'))
      .filter((path) => readFileSync(path, 'utf8').includes('@OperatorEndpoint()'))
      .map((path) => relative(ROOT, path))
      .filter((path) => !ANY_OPERATOR.has(path));
    expect(unnamed).toEqual([]);
  });
});
