import { Injectable } from '@nestjs/common';

import type { SqlQueryRunner } from '@payments/persistence';

import { type LineGroup, postingsOf } from './posting';
import { assertBalanced } from './posting-balance';
import { PostingMapping } from './posting-mapping';
import { PostedBatch, PostingRepository } from './posting.repository';

/**
 * Books a batch's postings inside the close of day's transaction (the caller's `tx`), so a batch
 * never exists without them: its lines summed per kind (by the close, in the statement that links
 * them to the batch), posted by the mapping, written, and the day's entries checked to balance per
 * currency. Throws (and so rolls the close back) when a line
 * is unmapped (UnmappedLinesError) or the day does not balance (UnbalancedPostingsError).
 * Two statements whatever the number of lines.
 */
@Injectable()
export class BatchPostingsService {
  constructor(
    private readonly mapping: PostingMapping,
    private readonly postings: PostingRepository,
  ) {}

  async book(tx: SqlQueryRunner, batch: PostedBatch, lineGroups: readonly LineGroup[]): Promise<void> {
    const postings = postingsOf(lineGroups, this.mapping);
    await this.postings.write(tx, batch, postings);
    assertBalanced(await this.postings.daySums(tx, batch.businessDay));
  }
}
