import { readFileSync } from 'node:fs';

import shippedMapping from '../../config/posting-mapping.json';
import { PostingMapping, PostingMappingError } from './posting-mapping';

/** The example chart and rules shipped with the service (compiled in, so the build carries it). */
export const SHIPPED_MAPPING_SOURCE = 'apps/settlement/config/posting-mapping.json';

/**
 * The posting mapping the service boots with: the file at `path` (SETTLEMENT_POSTING_MAPPING_FILE),
 * or the shipped example. A file that cannot be read or parsed, or a mapping that is invalid,
 * stops the boot naming the file and each JSON path at fault.
 */
export function loadPostingMapping(path?: string): PostingMapping {
  if (path === undefined) return PostingMapping.of(shippedMapping, SHIPPED_MAPPING_SOURCE);
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PostingMappingError(path, [`(root): cannot be read or parsed as JSON: ${(error as Error).message}`]);
  }
  return PostingMapping.of(content, path);
}
