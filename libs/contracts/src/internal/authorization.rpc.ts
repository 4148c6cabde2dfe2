import { defineRpc } from '../core/rpc.contract';
import { authorizeReplySchema, authorizeRequestSchema } from '../authorization/authorize.v1';
import { followUpRequestSchema } from '../authorization/follow-up.v1';
import { operationOutcomeQuerySchema, operationOutcomeStatusSchema } from '../authorization/operation-outcome.v1';
import { promptAnswerReplySchema, promptAnswerRequestSchema } from '../authorization/prompt-answer.v1';
import { terminalServiceReplySchema, terminalServiceRequestSchema } from '../authorization/terminal-service.v1';

/** proto/payments/internal/v1/authorization.proto: what the gateway asks authorization and waits for. */
const service = 'payments.internal.v1.AuthorizationService';
const protoFile = 'payments/internal/v1/authorization.proto';

/** A card-present operation; the reply is its outcome. */
export const authorizeRpc = defineRpc({ service, protoFile, method: 'Authorize', request: authorizeRequestSchema, reply: authorizeReplySchema });

/** An operation on an earlier transaction (cancel, refund, completion, emergency cancel). */
export const followUpRpc = defineRpc({ service, protoFile, method: 'FollowUp', request: followUpRequestSchema, reply: authorizeReplySchema });

/** The cashier's answer to a prompt; the operation goes on from where it waited. */
export const answerPromptRpc = defineRpc({ service, protoFile, method: 'AnswerPrompt', request: promptAnswerRequestSchema, reply: promptAnswerReplySchema });

/** Connection check, close day, reports, receipt copies. */
export const terminalServiceRpc = defineRpc({
  service,
  protoFile,
  method: 'TerminalService',
  request: terminalServiceRequestSchema,
  reply: terminalServiceReplySchema,
});

/** Where the journal stands on a transaction id: never received, still running, or its outcome (a gateway taking over a request asks). */
export const operationOutcomeRpc = defineRpc({
  service,
  protoFile,
  method: 'GetOperationOutcome',
  request: operationOutcomeQuerySchema,
  reply: operationOutcomeStatusSchema,
});
