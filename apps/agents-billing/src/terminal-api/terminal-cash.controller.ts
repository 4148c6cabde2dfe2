import { BadRequestException, Body, Controller, Headers, HttpCode, NotFoundException, Post, Req, UnprocessableEntityException } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses } from '@payments/runtime';

import { ChangeBalanceQuery } from '../change/change-balance.query';
import { changeMoveResponseOf } from '../change/change-move.response';
import { type PinRefusal, pinRefusalOf } from '../change/change-pin.refusal';
import { MoveChangeUseCase } from '../change/move-change.usecase';
import { AgentNodeRepository } from '../tree/agent-node.repository';
import { SellVoucherUseCase } from '../vouchers/sell-voucher.usecase';
import { TerminalChangeBalanceDto, TerminalChangeMoveDto, TerminalVoucherSaleDto } from './dto/terminal-cash.dto';
import { refusalBody } from './terminal-payment.answer';
import { terminalScopedIdOf } from './terminal-payment.usecase';
import type { SignedTerminalRequest } from './terminal-signature.guard';
import { idempotencyKeyOf, terminalOf, TerminalSigned } from './terminal-signed.decorator';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: true, description: '8-64 letters, digits or _ . : -; a retry sends the same key and body' };

const refused = (reason: string, message: string) => new UnprocessableEntityException(refusalBody(422, reason, message));

/** A refused change PIN: 400 without one, 422 wrong or locked (with `until`); the PIN is never repeated. */
const pinRefused = (refusal: PinRefusal) => {
  const { status, reason, message, until } = pinRefusalOf(refusal);
  const body = { ...refusalBody(status, reason, message), ...(until ? { until } : {}) };
  return status === 400 ? new BadRequestException(body) : new UnprocessableEntityException(body);
};

const blockedMessage = (blockedNodeId: string, nodeId: string) =>
  `terminal: its node is blocked${blockedNodeId === nodeId ? '' : ` (by node ${blockedNodeId})`}; nothing is taken`;

/**
 * A kiosk's cash: scratch vouchers sold from the stock and the payers' change accounts, for the
 * terminal's node only. The Idempotency-Key names the sale or the move (a name-based id of the
 * terminal and the key), so a retry reaches the use case's own idempotency: the same sale (its code
 * again within the reveal window) or the same move; another body under the key is a 422. The answers
 * are never stored here: a voucher's code is kept sealed in its stock only.
 */
@ApiTags('agent-terminal')
@TerminalSigned()
@Controller('v1/agent-terminal')
export class TerminalCashController {
  constructor(
    private readonly nodes: AgentNodeRepository,
    private readonly sell: SellVoucherUseCase,
    private readonly moves: MoveChangeUseCase,
    private readonly balances: ChangeBalanceQuery,
  ) {}

  @Post('voucher-sales')
  @ApiOperation({
    summary: "Sell a scratch voucher from the stock: the node's balance debited its denomination, the code answered (again to a retry within 5 minutes)",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiResponse({ status: 201, description: 'sold: the serial, the code (null on a retry after the reveal window), the expiry' })
  @ApiErrorResponses(400, 422)
  async sellVoucher(@Req() request: SignedTerminalRequest, @Headers('idempotency-key') key: string | undefined, @Body() body: TerminalVoucherSaleDto) {
    const terminal = terminalOf(request);
    const saleId = terminalScopedIdOf('voucher-sale', terminal.id, idempotencyKeyOf(key));
    const denomination = BigInt(body.denomination);
    const outcome = await this.sell.execute({
      saleId,
      nodeId: terminal.nodeId,
      providerId: body.providerId,
      denomination,
      currency: body.currency,
      now: new Date(),
    });
    const stock = `${body.providerId} ${denomination} ${body.currency}`;
    switch (outcome.kind) {
      case 'sold':
        return {
          saleId: outcome.sale.id,
          providerId: outcome.sale.providerId,
          denomination: outcome.sale.denomination.toString(),
          currency: outcome.sale.currency,
          serial: outcome.serial,
          code: outcome.code,
          expiresAt: outcome.expiresAt?.toISOString() ?? null,
          soldAt: outcome.sale.createdAt.toISOString(),
        };
      case 'not_found':
        throw new NotFoundException('terminal: its node no longer exists');
      case 'blocked':
        throw refused('blocked', blockedMessage(outcome.blockedNodeId, terminal.nodeId));
      case 'currency_mismatch':
        throw refused('currency_mismatch', `currency: this terminal's node sells in ${outcome.nodeCurrency}, not ${body.currency}`);
      case 'out_of_stock':
        throw refused('out_of_stock', `denomination: no voucher of ${stock} in stock`);
      case 'limit_exceeded':
        throw refused('credit_limit', `denomination: ${denomination} exceeds the node's balance plus credit limit: ${outcome.available} available`);
      case 'id_reused':
        throw refused('idempotency_key_reused', `Idempotency-Key: ${key} was sent before with another provider, denomination or currency`);
    }
  }

  @Post('change-moves')
  @ApiOperation({
    summary:
      "Keep a payer's change on its phone's change account (the first keep sets the payer's PIN), spend it toward a payment or pay it out in cash at this node (with the PIN)",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiErrorResponses(400, 422)
  async moveChange(@Req() request: SignedTerminalRequest, @Headers('idempotency-key') key: string | undefined, @Body() body: TerminalChangeMoveDto) {
    if (body.paymentId !== undefined && body.move !== 'spend') throw new BadRequestException('paymentId: only a spend goes toward a payment');
    const terminal = terminalOf(request);
    const moveId = terminalScopedIdOf('change-move', terminal.id, idempotencyKeyOf(key));
    const outcome = await this.moves.execute(body.move, {
      moveId,
      nodeId: terminal.nodeId,
      phone: body.phone,
      amount: BigInt(body.amount),
      paymentId: body.paymentId,
      pin: body.pin,
    });
    switch (outcome.kind) {
      case 'moved':
        return changeMoveResponseOf(body.move, outcome);
      case 'invalid_phone':
        throw new BadRequestException(`phone: ${outcome.reason}`);
      case 'not_found':
        throw new NotFoundException('terminal: its node no longer exists');
      case 'blocked':
        throw refused('blocked', blockedMessage(outcome.blockedNodeId, terminal.nodeId));
      case 'agent_limit_exceeded':
        throw refused('credit_limit', `amount: exceeds the node's balance plus credit limit: ${outcome.available} available`);
      case 'change_insufficient':
        throw refused('change_insufficient', `amount: exceeds the change account's balance: ${outcome.changeBalance} available`);
      case 'id_reused':
        throw refused('idempotency_key_reused', `Idempotency-Key: ${key} was sent before with another move, phone, amount or payment`);
      case 'pin_required':
      case 'pin_wrong':
      case 'locked':
        throw pinRefused(outcome);
    }
  }

  /** A POST so that the phone number travels in the body, never in a URL that access logs keep. */
  @Post('change-balances')
  @HttpCode(200)
  @ApiOperation({ summary: "A payer's change balance in the node's currency, by phone number and the payer's change PIN" })
  @ApiErrorResponses(400, 422)
  async changeBalance(@Req() request: SignedTerminalRequest, @Body() body: TerminalChangeBalanceDto) {
    const node = await this.nodes.find(terminalOf(request).nodeId);
    if (!node) throw new NotFoundException('terminal: its node no longer exists');
    const answer = await this.balances.execute({ phone: body.phone, currency: node.currency, pin: body.pin });
    if (answer.kind === 'invalid_phone') throw new BadRequestException(`phone: ${answer.reason}`);
    if (answer.kind !== 'balance') throw pinRefused(answer);
    return { phone: answer.maskedPhone, currency: answer.currency, balance: answer.balance.toString() };
  }
}
