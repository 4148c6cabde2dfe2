import { BadRequestException, Body, Controller, Get, NotFoundException, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint } from '@payments/runtime';

import { CommissionPlanRepository } from './commission-plan.repository';
import { type CommissionPlan, type CommissionRule, planProblem } from './commission-rule';
import { CommissionPlanDto } from './dto/commission-plan.dto';
import { PAYEE_ID, PAYEE_ID_RULE } from './dto/payee-id';

const optional = (value: number | undefined): bigint | null => (value === undefined ? null : BigInt(value));

function planResponseOf(plan: CommissionPlan) {
  return {
    payeeId: plan.payeeId,
    levels: plan.rules.map((r) => ({
      level: r.level,
      percentBasisPoints: Number(r.percentBasisPoints),
      fixed: r.fixed.toString(),
      tiers: r.tiers.map((t) => ({ fromAmount: t.fromAmount.toString(), percentBasisPoints: Number(t.percentBasisPoints), fixed: t.fixed.toString() })),
      min: r.min?.toString() ?? null,
      max: r.max?.toString() ?? null,
    })),
  };
}

@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents/commission-plans')
export class CommissionPlansController {
  constructor(private readonly plans: CommissionPlanRepository) {}

  @Get(':payeeId')
  @ApiOperation({ summary: "A payee's commission plan" })
  @ApiErrorResponses(400, 404)
  async get(@Param('payeeId') payeeId: string) {
    const plan = PAYEE_ID.test(payeeId) ? await this.plans.find(payeeId) : undefined;
    if (!plan) throw new NotFoundException(`payeeId: no commission plan for payee ${payeeId}`);
    return planResponseOf(plan);
  }

  @Put(':payeeId')
  @ApiOperation({
    summary: "Set a payee's commission plan whole: per level a percent in basis points plus a fixed part, or tiers by amount, clamped to min and max",
  })
  @ApiErrorResponses(400)
  async put(@Param('payeeId') payeeId: string, @Body() body: CommissionPlanDto) {
    if (!PAYEE_ID.test(payeeId)) throw new BadRequestException(`payeeId: ${PAYEE_ID_RULE}`);
    const rules = body.levels.map((l): CommissionRule => ({
      level: l.level,
      percentBasisPoints: BigInt(l.percentBasisPoints ?? 0),
      fixed: BigInt(l.fixed ?? 0),
      tiers: (l.tiers ?? []).map((t) => ({
        fromAmount: BigInt(t.fromAmount),
        percentBasisPoints: BigInt(t.percentBasisPoints ?? 0),
        fixed: BigInt(t.fixed ?? 0),
      })),
      min: optional(l.min),
      max: optional(l.max),
    }));
    const problem = planProblem(rules);
    if (problem) throw new BadRequestException(problem);
    return planResponseOf(await this.plans.replace({ payeeId, rules }));
  }
}
