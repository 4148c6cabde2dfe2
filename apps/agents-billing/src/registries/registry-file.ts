import { createHash } from 'node:crypto';

import { type FileLayout, LayoutFileEncoder, layoutFromDefinition } from '@payments/file-layout';

/** One payment as its registry line: what the payee needs to match it, the payer's account as stored (masked when card-shaped). */
export interface RegistryLine {
  readonly paymentId: string;
  /** When it reached its final paid state (posted). */
  readonly postedAt: Date;
  /** The payer's account as the payment keeps it; '' for a payment made before the catalogue. */
  readonly account: string;
  /** Minor units. */
  readonly amount: bigint;
  readonly currency: string;
  /** The agent (or sub-agent) that took the payment. */
  readonly nodeId: string;
}

/**
 * Everything that makes a registry's bytes besides its lines, fixed when it is first made and kept
 * with it: a re-run with the same recipe and the same lines gives the same bytes.
 */
export interface RegistryRecipe {
  readonly payeeId: string;
  /** The UTC day, `YYYY-MM-DD`. */
  readonly businessDay: string;
  readonly currency: string;
  /** The payee's registry number, 1 for its first. */
  readonly sequence: number;
  /** When it was first made: the only moment the file may name. */
  readonly madeAt: Date;
  /** The layout definition (file-layout's JSON) as it was when the registry was first made. */
  readonly layout: object;
}

export interface RenderedRegistry {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly lineCount: number;
  /** The sum of the lines' amounts, minor units. */
  readonly total: bigint;
}

/** A payee's layout definition compiled; a bad one throws LayoutDefinitionError naming every bad key. */
export function registryLayoutOf(definition: object, payeeId: string): FileLayout {
  return layoutFromDefinition(definition, `registry layout of payee ${payeeId}`);
}

/**
 * The registry's file in the payee's layout. Header and trailer values a layout may take: `payeeId`,
 * `currency`, `lineCount`, `totalAmount` (minor units), the day, the moment it was first made
 * (`createdAt`) and the sequence; a line's keys are those of RegistryLine. Held in memory (it is
 * signed whole): about 150 bytes a payment.
 */
export async function renderRegistry(recipe: RegistryRecipe, lines: readonly RegistryLine[]): Promise<RenderedRegistry> {
  const total = lines.reduce((sum, line) => sum + line.amount, 0n);
  const encoder = new LayoutFileEncoder(registryLayoutOf(recipe.layout, recipe.payeeId), {
    businessDay: recipe.businessDay,
    createdAt: recipe.madeAt,
    sequence: recipe.sequence,
    values: { payeeId: recipe.payeeId, currency: recipe.currency, lineCount: lines.length, totalAmount: total },
  });
  const chunks: Buffer[] = [];
  for await (const chunk of encoder.chunks(lines)) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  return { fileName: encoder.fileName, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), lineCount: lines.length, total };
}
