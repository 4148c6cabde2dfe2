import type { AuthorizeReply } from '@payments/contracts';

import { OperationResponse, operationResponseOf } from '../receipts/operation-response.mapper';

/** A purchase's response is an operation response (kept as its own name for the purchase API). */
export type PurchaseResponse = OperationResponse;

export function purchaseResponseOf(reply: AuthorizeReply): PurchaseResponse {
  return operationResponseOf(reply);
}
