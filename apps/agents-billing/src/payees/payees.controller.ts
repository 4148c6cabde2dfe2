import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiErrorResponses, OperatorEndpoint } from '@payments/runtime';

import { PAYEE_ID, PAYEE_ID_RULE } from '../commissions/dto/payee-id';
import { AccountCheckDto } from './dto/account-check.dto';
import { PayeeDto } from './dto/payee.dto';
import { PayeesQueryDto } from './dto/payees-query.dto';
import { type Payee, type PayeeDefinition, payeeProblem } from './payee';
import { payeeCheck, payeeRefusalMessage } from './payee-check';
import { PayeeRepository } from './payee.repository';

const BAD_PAYEE_ID = `payeeId: ${PAYEE_ID_RULE}`;

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
    createdAt: payee.createdAt.toISOString(),
    updatedAt: payee.updatedAt.toISOString(),
  };
}

/** The payee catalogue: who agents may pay, the payer's account format at each, limits and the payer's fee. */
@ApiTags('agents')
@OperatorEndpoint()
@Controller('v1/agents/payees')
export class PayeesController {
  constructor(private readonly payees: PayeeRepository) {}

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
    };
    const problem = payeeProblem(definition);
    if (problem) throw new BadRequestException(problem);
    const { payee, created } = await this.payees.put(definition);
    response.status(created ? 201 : 200);
    return payeeResponseOf(payee);
  }

  @Post(':payeeId/account-checks')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The payee check, decided locally by the payee's rules: {payable: true, fee} or {payable: false, reason, message} (suspended, currency, account pattern or check digits, amount limits)",
  })
  @ApiErrorResponses(400, 404)
  async check(@Param('payeeId') payeeId: string, @Body() body: AccountCheckDto) {
    const payee = await this.known(payeeId);
    const asked = { account: body.account, amount: body.amount === undefined ? undefined : BigInt(body.amount), currency: body.currency };
    const check = payeeCheck(payee, asked);
    if (check.payable) return { payeeId, payable: true, fee: check.fee?.toString() ?? null, currency: payee.currency };
    return { payeeId, payable: false, reason: check.refusal.reason, message: payeeRefusalMessage(payeeId, check.refusal, asked) };
  }

  private async known(payeeId: string): Promise<Payee> {
    if (!PAYEE_ID.test(payeeId)) throw new BadRequestException(BAD_PAYEE_ID);
    const payee = await this.payees.find(payeeId);
    if (!payee) throw new NotFoundException(`payeeId: no payee ${payeeId} in the catalogue`);
    return payee;
  }
}
