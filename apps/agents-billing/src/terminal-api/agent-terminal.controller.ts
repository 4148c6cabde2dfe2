import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Ledger } from '@payments/ledger';
import { ApiErrorResponses, uuidParam } from '@payments/runtime';

import { payeeCheck, payeeRefusalMessage } from '../payees/payee-check';
import type { Payee } from '../payees/payee';
import { PayeeRepository } from '../payees/payee.repository';
import { payeeResponseOf } from '../payees/payees.controller';
import { AgentPaymentRepository } from '../payments/agent-payment.repository';
import { businessDayOf } from '../payments/payment-limits';
import type { AgentNode } from '../tree/agent-node';
import { balanceResponseOf } from '../tree/agent-node.response';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import { TerminalAccountCheckDto, TerminalPaymentDto } from './dto/terminal-payment.dto';
import { terminalPaymentOf } from './terminal-payment.answer';
import { TerminalPaymentUseCase } from './terminal-payment.usecase';
import type { SignedTerminalRequest } from './terminal-signature.guard';
import { idempotencyKeyOf, terminalOf, TerminalSigned } from './terminal-signed.decorator';

/** A payee as a terminal sees it: the catalogue's view without the payee's gateway (its address, key and deadline are the platform's, never a terminal's). */
function terminalPayeeOf(payee: Payee) {
  const { gateway: _gateway, ...seen } = payeeResponseOf(payee);
  return seen;
}

/**
 * The agents' terminals and kiosks: every request signed by a registered terminal
 * (TerminalSignatureGuard), answered for the terminal's node only. Each route is a thin call to a
 * use case; the cash routes (vouchers, change) are in TerminalCashController.
 */
@ApiTags('agent-terminal')
@TerminalSigned()
@Controller('v1/agent-terminal')
export class AgentTerminalController {
  constructor(
    private readonly payees: PayeeRepository,
    private readonly nodes: AgentNodeRepository,
    private readonly payments: AgentPaymentRepository,
    private readonly ledger: Ledger,
    private readonly pay: TerminalPaymentUseCase,
  ) {}

  @Get('payees')
  @ApiOperation({ summary: "The payees the terminal may pay: each one's account format, amount limits and the payer's fee (never its gateway)" })
  async listPayees() {
    return (await this.payees.list('active')).map(terminalPayeeOf);
  }

  @Post('account-checks')
  @HttpCode(200)
  @ApiOperation({ summary: "The payee check for the payer's account (and amount): {payable: true, fee} or {payable: false, reason, message}" })
  @ApiErrorResponses(400, 404)
  async checkAccount(@Req() request: SignedTerminalRequest, @Body() body: TerminalAccountCheckDto) {
    const node = await this.node(request);
    const payee = await this.payees.find(body.payeeId);
    if (!payee) throw new NotFoundException(`payeeId: no payee ${body.payeeId} in the catalogue`);
    const asked = { account: body.account, amount: body.amount === undefined ? undefined : BigInt(body.amount), currency: node.currency };
    const check = payeeCheck(payee, asked);
    if (check.payable) return { payeeId: payee.id, payable: true, fee: check.fee?.toString() ?? null, currency: payee.currency };
    return { payeeId: payee.id, payable: false, reason: check.refusal.reason, message: payeeRefusalMessage(payee.id, check.refusal, asked) };
  }

  @Post('payments')
  @ApiOperation({
    summary:
      "Pay a payee from the terminal's node: 201 posted; 422 refused, naming the field, nothing posted; the same Idempotency-Key and body again answer the same, another body under it is a 422",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '8-64 letters, digits or _ . : -; a retry sends the same key and body' })
  @ApiResponse({
    status: 201,
    description:
      "posted (`outcome: posted`) or refused by the payee's gateway with the money back (`outcome: refused`, `refusalReason`): the payment's id, amount, the payer's fee, status",
  })
  @ApiResponse({
    status: 202,
    description:
      "pending at the payee's gateway (or an outcome this version does not name): `outcome` is its kind, with the payment; not stored, a retry asks again",
  })
  @ApiErrorResponses(400, 422)
  async payPayee(
    @Req() request: SignedTerminalRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: TerminalPaymentDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const answer = await this.pay.execute({
      terminal: terminalOf(request),
      idempotencyKey: idempotencyKeyOf(idempotencyKey),
      payeeId: body.payeeId,
      amount: BigInt(body.amount),
      currency: body.currency,
      account: body.account,
      now: new Date(),
    });
    response.status(answer.status);
    return answer.body;
  }

  @Get('payments/:paymentId')
  @ApiOperation({ summary: "A payment of the terminal's node and its status" })
  @ApiErrorResponses(400, 404)
  async payment(@Req() request: SignedTerminalRequest, @Param('paymentId', uuidParam('paymentId')) paymentId: string) {
    const payment = await this.payments.find(paymentId);
    if (!payment || payment.nodeId !== terminalOf(request).nodeId) throw new NotFoundException(`paymentId: no payment ${paymentId} of this terminal's node`);
    return terminalPaymentOf(payment);
  }

  @Get('balance')
  @ApiOperation({ summary: "The node's balance: available, posted, pending, credit limit, and today's use of its daily limit (UTC day)" })
  async balance(@Req() request: SignedTerminalRequest) {
    const node = await this.node(request);
    const day = businessDayOf(new Date());
    const [account, usedToday] = await Promise.all([this.ledger.account(node.ledgerAccountId), this.payments.spentOn(node.id, day)]);
    return {
      nodeId: node.id,
      currency: node.currency,
      ...balanceResponseOf(account),
      daily: { day, limit: node.dailyLimit?.toString() ?? null, used: usedToday.toString() },
    };
  }

  private async node(request: SignedTerminalRequest): Promise<AgentNode> {
    const node = await this.nodes.find(terminalOf(request).nodeId);
    if (!node) throw new NotFoundException('terminal: its node no longer exists');
    return node;
  }
}
