import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { AlertRuleDto } from './dto/alert-rule.dto';
import { type AlertRecipient, type AlertRule, type AlertRuleDefinition, alertRuleProblem } from '../rules/alert-rule';
import { AlertRuleRepository, type RuleWrite } from '../rules/alert-rule.repository';

function ruleResponseOf(rule: AlertRule) {
  return {
    id: rule.id,
    kind: rule.kind,
    nodeId: rule.nodeId,
    belowAvailable: rule.belowAvailable?.toString() ?? null,
    creditUsedPercent: rule.creditUsedPercent,
    dailyUsedPercent: rule.dailyUsedPercent,
    recipients: rule.recipients,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

function definitionOf(body: AlertRuleDto): AlertRuleDefinition {
  const definition: AlertRuleDefinition = {
    kind: body.kind,
    nodeId: body.nodeId ?? null,
    belowAvailable: body.belowAvailable === undefined ? null : BigInt(body.belowAvailable),
    creditUsedPercent: body.creditUsedPercent ?? null,
    dailyUsedPercent: body.dailyUsedPercent ?? null,
    recipients: body.recipients.map((r): AlertRecipient =>
      r.type === 'email' ? { type: 'email', address: r.address! } : r.type === 'webhook' ? { type: 'webhook', url: r.url! } : { type: 'dealer' },
    ),
  };
  const problem = alertRuleProblem(definition);
  if (problem) throw new BadRequestException(problem);
  return definition;
}

/** The alert rules as data: per kind and optionally per subtree, the thresholds and who is told. */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents/alert-rules')
export class AlertRulesController {
  constructor(private readonly rules: AlertRuleRepository) {}

  @Get()
  @ApiOperation({ summary: 'Every alert rule (a kind no rule covers follows the documented defaults)' })
  async list() {
    return (await this.rules.all()).map(ruleResponseOf);
  }

  @Post()
  @ApiOperation({ summary: 'Add a rule for a kind, everywhere or for a subtree (422 when that kind and subtree has one, or the node is unknown)' })
  @ApiErrorResponses(400, 422)
  async create(@Body() body: AlertRuleDto) {
    return ruleResponseOf(this.stored(await this.rules.create(definitionOf(body)), body));
  }

  @Get(':ruleId')
  @ApiOperation({ summary: 'An alert rule' })
  @ApiErrorResponses(400, 404)
  async get(@Param('ruleId', uuidParam('ruleId')) ruleId: string) {
    const rule = await this.rules.find(ruleId);
    if (!rule) throw new NotFoundException(`ruleId: no alert rule ${ruleId}`);
    return ruleResponseOf(rule);
  }

  @Put(':ruleId')
  @ApiOperation({ summary: 'Replace an alert rule whole' })
  @ApiErrorResponses(400, 404, 422)
  async replace(@Param('ruleId', uuidParam('ruleId')) ruleId: string, @Body() body: AlertRuleDto) {
    return ruleResponseOf(this.stored(await this.rules.replace(ruleId, definitionOf(body)), body, ruleId));
  }

  @Delete(':ruleId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an alert rule (its kind and subtree fall back to the next rule up, or the defaults)' })
  @ApiErrorResponses(400, 404)
  async remove(@Param('ruleId', uuidParam('ruleId')) ruleId: string): Promise<void> {
    if (!(await this.rules.delete(ruleId))) throw new NotFoundException(`ruleId: no alert rule ${ruleId}`);
  }

  private stored(write: RuleWrite, body: AlertRuleDto, ruleId?: string): AlertRule {
    switch (write.kind) {
      case 'stored':
        return write.rule;
      case 'scope-taken':
        throw new UnprocessableEntityException(
          `nodeId: a ${body.kind} rule for ${body.nodeId ? `the subtree of ${body.nodeId}` : 'every node'} exists already`,
        );
      case 'unknown-node':
        throw new UnprocessableEntityException(`nodeId: no node ${body.nodeId}`);
      case 'not-found':
        throw new NotFoundException(`ruleId: no alert rule ${ruleId}`);
    }
  }
}
