import type { AuthorizeRequest, FollowUpRequest } from '@payments/contracts';

/** Every operation the core runs: one that starts with a card read, or one on an earlier operation. */
export type OperationCommand =
  { readonly kind: 'card'; readonly request: AuthorizeRequest } | { readonly kind: 'follow_up'; readonly request: FollowUpRequest };

/** What the caller tells the core beside the command. */
export interface ExecutionContext {
  /** Epoch ms after which the caller no longer waits: past it, the rail is not asked. */
  readonly deadlineAt?: number;
}
