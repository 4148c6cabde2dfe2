import { Body, Controller, Get, NotFoundException, Param, Post, Res, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { payeeRefusalMessage } from '../payees/payee-check';
import type { AgentPayment } from './agent-payment';
import { AgentPaymentRepository } from './agent-payment.repository';
import { AgentPaymentDto } from './dto/agent-payment.dto';
import { PayPayeeUseCase } from './pay-payee.usecase';

const LIMIT_NAMES = { payment: 'per-payment limit', daily: 'daily limit (UTC day)', credit: 'balance plus credit limit' } as const;

function paymentResponseOf(payment: AgentPayment) {
  return {
    paymentId: payment.id,
    nodeId: payment.nodeId,
    payeeId: payment.payeeId,
    amount: payment.amount.toString(),
    currency: payment.currency,
    account: payment.account,
    fee: (payment.transfers.find((t) => t.kind === 'fee')?.amount ?? 0n).toString(),
    businessDay: payment.businessDay,
    status: payment.status === 'reserved' ? 'pending' : payment.status,
    postedAt: payment.postedAt?.toISOString() ?? null,
    ...(payment.viaGateway ? { viaGateway: true } : {}),
    // Why a pending payment's outcome is not known yet (e.g. timeout; hold_expired_paid: for an operator).
    ...(payment.status === 'pending' && payment.gatewayUnknownCause ? { gatewayUnknownCause: payment.gatewayUnknownCause } : {}),
    ...(payment.refusalReason === null ? {} : { refusalReason: payment.refusalReason, refusedAt: payment.refusedAt?.toISOString() ?? null }),
    transfers: payment.transfers.map((t) => ({ ...t, amount: t.amount.toString() })),
  };
}

/**
 * An agent's payment for a payee, with every level's commission, as one linked ledger chain. The
 * operation core's ledger rail is to call this entry; operators use it to pay on an agent's behalf.
 */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents/nodes/:id/payments')
export class NodePaymentsController {
  constructor(
    private readonly payPayee: PayPayeeUseCase,
    private readonly payments: AgentPaymentRepository,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      "Pay a payee from the node's balance: the payment and every level's commission posted all or nothing; to a payee with a gateway, held and forwarded: status posted, refused (refusalReason: the money is back) or pending (202); the same id and body again returns the first payment",
  })
  @ApiResponse({
    status: 202,
    description: "Sent to the payee's gateway, its answer not known yet: status pending, the money held; GET the payment for its outcome",
  })
  @ApiErrorResponses(400, 404, 422)
  async pay(@Param('id', uuidParam('id')) id: string, @Body() body: AgentPaymentDto, @Res({ passthrough: true }) response: Response) {
    const outcome = await this.payPayee.execute({
      paymentId: body.id,
      nodeId: id,
      payeeId: body.payeeId,
      amount: BigInt(body.amount),
      currency: body.currency,
      account: body.account,
      now: new Date(),
    });
    switch (outcome.kind) {
      case 'posted':
      case 'returned':
        return paymentResponseOf(outcome.payment);
      case 'pending':
        response.status(202);
        return paymentResponseOf(outcome.payment);
      case 'not_found':
        throw new NotFoundException(`id: no node ${id}`);
      case 'id_reused':
        throw new UnprocessableEntityException(`id: payment ${body.id} exists with another node, payee, amount, currency or account`);
      case 'blocked':
        throw new UnprocessableEntityException(`id: node ${id} is blocked${outcome.blockedNodeId === id ? '' : ` (its ancestor ${outcome.blockedNodeId} is)`}`);
      case 'unknown_payee':
        throw new UnprocessableEntityException(`payeeId: no payee ${body.payeeId} in the catalogue: PUT /v1/agents/payees/${body.payeeId} first`);
      case 'payee_refused':
        throw new UnprocessableEntityException(payeeRefusalMessage(body.payeeId, outcome, { amount: BigInt(body.amount), currency: body.currency }));
      case 'no_commission_plan':
        throw new UnprocessableEntityException(`payeeId: no commission plan for payee ${body.payeeId}: PUT /v1/agents/commission-plans/${body.payeeId} first`);
      case 'currency_mismatch':
        throw new UnprocessableEntityException(`currency: the node pays in ${outcome.nodeCurrency}, not ${body.currency}`);
      case 'limit_exceeded': {
        const asked = outcome.fee === undefined ? `${body.amount}` : `${body.amount} plus the payer's fee ${outcome.fee}`;
        throw new UnprocessableEntityException(`amount: ${asked} exceeds the node's ${LIMIT_NAMES[outcome.limit]}: ${outcome.available} available`);
      }
    }
  }

  @Get(':paymentId')
  @ApiOperation({ summary: 'A payment of the node and its status: posted, pending (the payee has not answered yet) or refused (the money is back)' })
  @ApiErrorResponses(400, 404)
  async find(@Param('id', uuidParam('id')) id: string, @Param('paymentId', uuidParam('paymentId')) paymentId: string) {
    const payment = await this.payments.find(paymentId);
    if (!payment || payment.nodeId !== id) throw new NotFoundException(`paymentId: no payment ${paymentId} of node ${id}`);
    return paymentResponseOf(payment);
  }
}
