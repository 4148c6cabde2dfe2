import { Injectable } from '@nestjs/common';

import { ReconciliationBreakRepository, StoredBreak } from './reconciliation-break.repository';

export interface ResolveBreakCommand {
  readonly breakId: string;
  /** Why the break needs no further action (validated non-empty at the edge, checked again here). */
  readonly reason: string;
  /** Who resolved it: the operator key's id. */
  readonly resolvedBy: string;
  readonly now: Date;
}

export type ResolveBreakOutcome =
  | { readonly kind: 'resolved'; readonly break: StoredBreak }
  | { readonly kind: 'not_found' }
  /** Already resolved (the first resolution stands), or its report was replaced. */
  | { readonly kind: 'not_open'; readonly break: StoredBreak }
  | { readonly kind: 'no_reason' };

/** An operator resolves an open break once, with a reason; the resolution is kept (who, when, why). */
@Injectable()
export class ResolveBreakUseCase {
  constructor(private readonly breaks: ReconciliationBreakRepository) {}

  async execute({ breakId, reason, resolvedBy, now }: ResolveBreakCommand): Promise<ResolveBreakOutcome> {
    const trimmed = reason.trim();
    if (trimmed.length === 0) return { kind: 'no_reason' };
    const resolved = await this.breaks.resolve(breakId, { reason: trimmed, resolvedBy, at: now });
    if (resolved) return { kind: 'resolved', break: resolved };
    const existing = await this.breaks.findById(breakId);
    return existing ? { kind: 'not_open', break: existing } : { kind: 'not_found' };
  }
}
