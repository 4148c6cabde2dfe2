import { HttpException, HttpStatus } from '@nestjs/common';

import { Metadata, StatusObject, status as GrpcStatus } from '@grpc/grpc-js';

/** Trailing metadata naming the transaction of a failed call, so the register can ask for its outcome. */
export const TRANSACTION_ID_METADATA = 'transaction-id';
const HIDDEN = 'internal error';

/** What a failed call answers: a code, details a person can read, optional trailing metadata. */
export type GrpcError = Pick<StatusObject, 'code' | 'details'> & Partial<Pick<StatusObject, 'metadata'>>;

/**
 * The REST outcome of a use case as a gRPC status code, one table for every RPC (after the gRPC
 * status code guide: state problems are FAILED_PRECONDITION, retryable conflicts ABORTED, input
 * problems INVALID_ARGUMENT).
 */
const CODES: ReadonlyMap<number, GrpcStatus> = new Map([
  [HttpStatus.BAD_REQUEST, GrpcStatus.INVALID_ARGUMENT],
  [HttpStatus.UNAUTHORIZED, GrpcStatus.UNAUTHENTICATED],
  [HttpStatus.FORBIDDEN, GrpcStatus.PERMISSION_DENIED],
  [HttpStatus.NOT_FOUND, GrpcStatus.NOT_FOUND],
  [HttpStatus.REQUEST_TIMEOUT, GrpcStatus.DEADLINE_EXCEEDED],
  [HttpStatus.CONFLICT, GrpcStatus.ABORTED],
  [HttpStatus.UNPROCESSABLE_ENTITY, GrpcStatus.FAILED_PRECONDITION],
  [HttpStatus.TOO_MANY_REQUESTS, GrpcStatus.RESOURCE_EXHAUSTED],
  [HttpStatus.NOT_IMPLEMENTED, GrpcStatus.UNIMPLEMENTED],
  // The acquirer host did not answer a register service (connection check, close of day): what
  // the register shows, so the details carry the message as REST's 502 body does.
  [HttpStatus.BAD_GATEWAY, GrpcStatus.UNAVAILABLE],
  [HttpStatus.SERVICE_UNAVAILABLE, GrpcStatus.UNAVAILABLE],
  [HttpStatus.GATEWAY_TIMEOUT, GrpcStatus.DEADLINE_EXCEEDED],
]);

export function grpcCodeOf(httpStatus: number, body?: unknown): GrpcStatus {
  if (httpStatus >= 200 && httpStatus < 300) return GrpcStatus.OK;
  // A 422 listing invalid fields is a validation error, whatever rule raised it.
  if (httpStatus === Number(HttpStatus.UNPROCESSABLE_ENTITY) && isFieldValidation(body)) return GrpcStatus.INVALID_ARGUMENT;
  return CODES.get(httpStatus) ?? (httpStatus < 500 ? GrpcStatus.FAILED_PRECONDITION : GrpcStatus.INTERNAL);
}

/**
 * A non-2xx outcome as the status the client gets: the REST message as details (validation
 * messages joined, each naming its field), and the transaction id, when there is one, both in the
 * details and as trailing metadata. INTERNAL never carries the message.
 */
export function grpcErrorOf(httpStatus: number, body: unknown): GrpcError {
  const code = grpcCodeOf(httpStatus, body);
  if (code === GrpcStatus.INTERNAL) return { code, details: HIDDEN };
  const metadata = new Metadata();
  const transactionId = stringField(body, 'transactionId');
  if (transactionId) metadata.set(TRANSACTION_ID_METADATA, transactionId);
  const details = messageOf(body);
  return { code, details: transactionId ? `transaction ${transactionId}: ${details}` : details, metadata };
}

/** A thrown error: an HttpException maps like a returned outcome; anything else is INTERNAL. */
export function grpcErrorOfException(error: unknown): GrpcError {
  if (error instanceof HttpException) return grpcErrorOf(error.getStatus(), error.getResponse());
  return { code: GrpcStatus.INTERNAL, details: HIDDEN };
}

function messageOf(body: unknown): string {
  if (typeof body === 'string') return body;
  const message = isRecord(body) ? body.message : undefined;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return 'request refused';
}

/** The global ValidationPipe's body: `fields` lists each invalid field. */
function isFieldValidation(body: unknown): boolean {
  return isRecord(body) && Array.isArray(body.fields);
}

function stringField(body: unknown, name: string): string | undefined {
  const value = isRecord(body) ? body[name] : undefined;
  return typeof value === 'string' && value ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
