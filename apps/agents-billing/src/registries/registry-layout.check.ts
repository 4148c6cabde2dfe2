import { LayoutDefinitionError, LayoutRecordError } from '@payments/file-layout';

import { REGISTRY_LAYOUTS } from './registry-layouts';
import { registryLayoutOf, renderRegistry } from './registry-file';

/** A line as a real one looks, to try a layout on before it is kept. */
const SAMPLE_LINE = {
  paymentId: '00000000-0000-4000-8000-000000000000',
  postedAt: new Date('2026-01-01T12:00:00Z'),
  account: '+420777123456',
  amount: 12345n,
  nodeId: '00000000-0000-4000-8000-000000000001',
};

/**
 * The layout definition a payee's settings keep: a shipped registry layout by name, or an
 * operator's definition, compiled and tried on a sample registry in the payee's currency, so a
 * layout that misses a value or cannot hold a line is refused when it is set, not at night.
 * Returns the definition, or the problem naming the field.
 */
export async function registryLayoutProblem(layout: unknown, payeeId: string, currency: string): Promise<{ definition: object } | { problem: string }> {
  const definition = typeof layout === 'string' ? REGISTRY_LAYOUTS[layout] : layout;
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) {
    return { problem: `layout: expected a layout definition (an object) or the name of a shipped one (${Object.keys(REGISTRY_LAYOUTS).join(', ')})` };
  }
  try {
    registryLayoutOf(definition, payeeId);
    await renderRegistry({ payeeId, businessDay: '2026-01-01', currency, sequence: 1, madeAt: new Date('2026-01-02T02:00:00Z'), layout: definition }, [
      { ...SAMPLE_LINE, currency },
    ]);
    return { definition };
  } catch (error) {
    if (error instanceof LayoutDefinitionError) return { problem: `layout: ${error.issues.join('; ')}` };
    if (error instanceof LayoutRecordError) return { problem: `layout: cannot write a sample registry: ${error.message}` };
    throw error;
  }
}
