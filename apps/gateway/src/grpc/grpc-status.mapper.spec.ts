import { BadRequestException, ConflictException, NotFoundException, UnauthorizedException, UnprocessableEntityException } from '@nestjs/common';

import { status as GrpcStatus } from '@grpc/grpc-js';

import { IdempotencyKeyReusedError, IdempotentRequestInProgressError } from '../idempotency/idempotency.errors';
import { grpcCodeOf, grpcErrorOf, grpcErrorOfException, TRANSACTION_ID_METADATA } from './grpc-status.mapper';

describe('gRPC status of a REST outcome', () => {
  it.each([
    [201, 'OK'],
    [200, 'OK'],
    [400, 'INVALID_ARGUMENT'],
    [401, 'UNAUTHENTICATED'],
    [403, 'PERMISSION_DENIED'],
    [404, 'NOT_FOUND'],
    [409, 'ABORTED'],
    [422, 'FAILED_PRECONDITION'],
    [429, 'RESOURCE_EXHAUSTED'],
    [503, 'UNAVAILABLE'],
    [504, 'DEADLINE_EXCEEDED'],
    [418, 'FAILED_PRECONDITION'],
    [500, 'INTERNAL'],
    [502, 'UNAVAILABLE'],
    [501, 'UNIMPLEMENTED'],
    [505, 'INTERNAL'],
  ])('maps HTTP %i to %s', (http, name) => {
    expect(GrpcStatus[grpcCodeOf(http)]).toBe(name);
  });

  it('treats a 422 that lists invalid fields as INVALID_ARGUMENT', () => {
    expect(grpcCodeOf(422, { message: ['amount: too big'], fields: [{ field: 'amount', problems: ['too big'] }] })).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(grpcCodeOf(422, { message: 'currency: GBP is not accepted by terminal DEMO0001' })).toBe(GrpcStatus.FAILED_PRECONDITION);
  });

  it('joins the validation messages, each naming its field', () => {
    const error = grpcErrorOfException(
      new BadRequestException({
        statusCode: 400,
        message: ['amount: amount must be at least 1 minor unit', 'card.ksn: ksn must be 20 uppercase hex digits'],
        fields: [],
      }),
    );
    expect(error).toMatchObject({
      code: GrpcStatus.INVALID_ARGUMENT,
      details: 'amount: amount must be at least 1 minor unit; card.ksn: ksn must be 20 uppercase hex digits',
    });
  });

  it('names the transaction of an authorization without outcome, so the register can retry with the same key', () => {
    const error = grpcErrorOf(504, {
      transactionId: 'b3c1f7a4-1f43-4c55-9b1e-6f1f8a7c2d10',
      status: 'unknown',
      message: 'no authorization outcome within 8000 ms',
    });
    expect(error.code).toBe(GrpcStatus.DEADLINE_EXCEEDED);
    expect(error.details).toBe('transaction b3c1f7a4-1f43-4c55-9b1e-6f1f8a7c2d10: no authorization outcome within 8000 ms');
    expect(error.metadata?.get(TRANSACTION_ID_METADATA)).toEqual(['b3c1f7a4-1f43-4c55-9b1e-6f1f8a7c2d10']);
  });

  it('answers an operation a platform rule rejected (REST 422) as FAILED_PRECONDITION naming the rule and the journaled transaction', () => {
    const error = grpcErrorOf(422, { transactionId: 'tx-7', status: 'rejected', message: 'refund exceeds the refundable amount' });
    expect(error).toMatchObject({ code: GrpcStatus.FAILED_PRECONDITION, details: 'transaction tx-7: refund exceeds the refundable amount' });
    expect(error.metadata?.get(TRANSACTION_ID_METADATA)).toEqual(['tx-7']);
  });

  it('answers a register service the host did not answer (REST 502) as UNAVAILABLE with what happened, e.g. a close of day that closed the batch unreconciled', () => {
    const body = { requestId: 'r-1', operation: 'close_day', status: 'failed', message: 'batch 7 closed, host did not confirm the totals; batch 8 open' };
    expect(grpcErrorOf(502, body)).toMatchObject({ code: GrpcStatus.UNAVAILABLE, details: 'batch 7 closed, host did not confirm the totals; batch 8 open' });
  });

  it('maps the gateway errors with their message', () => {
    expect(grpcErrorOfException(new UnauthorizedException('unknown or disabled terminal API key'))).toMatchObject({
      code: GrpcStatus.UNAUTHENTICATED,
      details: 'unknown or disabled terminal API key',
    });
    expect(grpcErrorOfException(new IdempotencyKeyReusedError('register-42'))).toMatchObject({
      code: GrpcStatus.FAILED_PRECONDITION,
      details: expect.stringMatching(/already used with a different request body/),
    });
    expect(grpcErrorOfException(new IdempotentRequestInProgressError('register-42', 'tx-1'))).toMatchObject({
      code: GrpcStatus.ABORTED,
      details: expect.stringMatching(/still in progress/),
    });
    expect(grpcErrorOfException(new UnprocessableEntityException('currency: GBP is not accepted'))).toMatchObject({ code: GrpcStatus.FAILED_PRECONDITION });
    expect(grpcErrorOfException(new NotFoundException('transaction not found'))).toMatchObject({
      code: GrpcStatus.NOT_FOUND,
      details: 'transaction not found',
    });
    expect(grpcErrorOfException(new ConflictException())).toMatchObject({ code: GrpcStatus.ABORTED, details: 'Conflict' });
  });

  it('never tells the client what went wrong inside', () => {
    expect(grpcErrorOfException(new Error('connect ECONNREFUSED 10.0.0.7:5432'))).toEqual({ code: GrpcStatus.INTERNAL, details: 'internal error' });
    expect(grpcErrorOf(500, { message: 'relation "idempotency_record" does not exist' })).toEqual({ code: GrpcStatus.INTERNAL, details: 'internal error' });
  });
});
