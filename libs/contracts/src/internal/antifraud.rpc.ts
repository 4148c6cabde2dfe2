import { defineRpc } from '../core/rpc.contract';
import { assessReplySchema, assessRequestSchema } from '../antifraud/assess.v1';

/** proto/payments/internal/v1/antifraud.proto: authorization asks for a decision before the host. */
export const assessRpc = defineRpc({
  service: 'payments.internal.v1.AntifraudService',
  protoFile: 'payments/internal/v1/antifraud.proto',
  method: 'Assess',
  request: assessRequestSchema,
  reply: assessReplySchema,
});
