import {
  BadGatewayException,
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
  Res,
  GatewayTimeoutException,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiErrorResponses, OperatorEndpoint } from '@payments/runtime';

import { PAYEE_ID, PAYEE_ID_RULE } from '../commissions/dto/payee-id';
import { AccountCheckDto } from './dto/account-check.dto';
import { PayeeDto } from './dto/payee.dto';
import { PayeesQueryDto } from './dto/payees-query.dto';
import { GATEWAY_DEADLINE_MS, type GatewayUnknownCause } from '../gateways/payee-gateway';
import { type Payee, type PayeeDefinition, payeeProblem } from './payee';
import { PayeeAccountCheckUseCase } from './payee-account-check.usecase';
import { payeeRefusalMessage } from './payee-check';
import { PayeeRepository } from './payee.repository';

const BAD_PAYEE_ID = `payeeId: ${PAYEE_ID_RULE}`;

const GATEWAY_FAILURES: Record<Exclude<GatewayUnknownCause, 'timeout'>, string> = {
  down: 'is down (connection refused or unavailable)',
  bad_signature: "answered with a missing or bad signature (not the payee's key): not trusted",
  bad_answer: 'answered off the protocol',
  no_gateway: 'is not configured',
};

/** A payee as the APIs show it (the operators' and the terminals'). */
export function payeeResponseOf(payee: Payee) {
  return {
    payeeId: payee.id,
    name: payee.name,
    currency: payee.currency,
    status: payee.status,
    account: { pattern: payee.accountPattern, checksum: payee.accountChecksum },
    limits: { min: payee.minAmount?.toString() ?? null, max: payee.maxAmount?.toString() ?? null },
    fee: { percentBasisPoints: Number(payee.fee.percentBasisPoints), fixed: payee.fee.fixed.toString() },
    gateway: payee.gateway ? { ...payee.gateway } : null,
    createdAt: payee.createdAt.toISOString(),
    updatedAt: payee.updatedAt.toISOString(),
  };
}

/** The payee catalogue: who agents may pay, the payer's account format at each, limits and the payer's fee. */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents/payees')
export class PayeesController {
  constructor(
    private readonly payees: PayeeRepository,
    private readonly accountCheck: PayeeAccountCheckUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The payee catalogue by id (at most 1000), optionally of one status' })
  @ApiErrorResponses(400)
  async list(@Query() query: PayeesQueryDto) {
    return (await this.payees.list(query.status)).map(payeeResponseOf);
  }

  @Get(':payeeId')
  @ApiOperation({ summary: 'A payee of the catalogue' })
  @ApiErrorResponses(400, 404)
  async get(@Param('payeeId') payeeId: string) {
    return payeeResponseOf(await this.known(payeeId));
  }

  @Put(':payeeId')
  @ApiOperation({ summary: "Create a payee (201) or replace it whole (200): the payer's account format, amount limits per payment and the payer's fee" })
  @ApiErrorResponses(400)
  async put(@Param('payeeId') payeeId: string, @Body() body: PayeeDto, @Res({ passthrough: true }) response: Response) {
    if (!PAYEE_ID.test(payeeId)) throw new BadRequestException(BAD_PAYEE_ID);
    const definition: PayeeDefinition = {
      id: payeeId,
      name: body.name,
      currency: body.currency,
      status: body.status ?? 'active',
      accountPattern: body.account.pattern,
      accountChecksum: body.account.checksum,
      minAmount: body.limits?.min === undefined ? null : BigInt(body.limits.min),
      maxAmount: body.limits?.max === undefined ? null : BigInt(body.limits.max),
      fee: { percentBasisPoints: BigInt(body.fee?.percentBasisPoints ?? 0), fixed: BigInt(body.fee?.fixed ?? 0) },
      gateway: body.gateway
        ? { baseUrl: body.gateway.baseUrl, publicKey: body.gateway.publicKey, deadlineMs: body.gateway.deadlineMs ?? GATEWAY_DEADLINE_MS.default }
        : null,
    };
    const problem = payeeProblem(definition, { production: process.env.NODE_ENV === 'production' });
    if (problem) throw new BadRequestException(problem);
    const { payee, created } = await this.payees.put(definition);
    response.status(created ? 201 : 200);
    return payeeResponseOf(payee);
  }

  @Post(':payeeId/account-checks')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The payee check: the payee's local rules (suspended, currency, account pattern or check digits, amount limits), then for a payee with a gateway its signed answer online: {payable: true, fee, holderName?} or {payable: false, reason, message}; 502/504 when the gateway gives no trusted answer",
  })
  @ApiErrorResponses(400, 404)
  @ApiResponse({ status: 502, description: "The payee's gateway is down, or answered with a bad signature or off the protocol (named in message)." })
  @ApiResponse({ status: 504, description: "The payee's gateway did not answer within its deadline." })
  async check(@Param('payeeId') payeeId: string, @Body() body: AccountCheckDto) {
    const payee = await this.known(payeeId);
    const asked = { account: body.account, amount: body.amount === undefined ? undefined : BigInt(body.amount), currency: body.currency };
    const outcome = await this.accountCheck.execute(payee, asked);
    const payable = (fee: bigint | null) => ({ payeeId, payable: true, fee: fee?.toString() ?? null, currency: payee.currency });
    switch (outcome.kind) {
      case 'local':
        if (outcome.check.payable) return payable(outcome.check.fee);
        return { payeeId, payable: false, reason: outcome.check.refusal.reason, message: payeeRefusalMessage(payeeId, outcome.check.refusal, asked) };
      case 'online': {
        const { exists, payable: mayBePaid, holderName, reason } = outcome.answer;
        const online = { checkedOnline: true, ...(holderName ? { holderName } : {}) };
        if (exists && mayBePaid) return { ...payable(outcome.fee), ...online };
        const why = reason ? `: ${reason}` : '';
        return exists
          ? { payeeId, payable: false, reason: 'payee_refused', message: `account: payee ${payeeId} will not take a payment to it${why}`, ...online }
          : { payeeId, payable: false, reason: 'account_unknown', message: `account: payee ${payeeId} does not know it${why}`, ...online };
      }
      case 'gateway_failed':
        if (outcome.cause === 'timeout')
          throw new GatewayTimeoutException(`payeeId: payee ${payeeId}'s gateway did not answer within ${payee.gateway?.deadlineMs} ms`);
        throw new BadGatewayException(`payeeId: payee ${payeeId}'s gateway ${GATEWAY_FAILURES[outcome.cause]}`);
    }
  }

  private async known(payeeId: string): Promise<Payee> {
    if (!PAYEE_ID.test(payeeId)) throw new BadRequestException(BAD_PAYEE_ID);
    const payee = await this.payees.find(payeeId);
    if (!payee) throw new NotFoundException(`payeeId: no payee ${payeeId} in the catalogue`);
    return payee;
  }
}
