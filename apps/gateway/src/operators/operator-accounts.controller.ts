import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { actorOf, ApiErrorResponses, OperatorEndpoint, setAuditDetail, uuidParam } from '@payments/runtime';

import { ChangeRoleDto, CreateOperatorDto } from './dto/operator.dto';
import { type Change, OperatorAccountsService, type OperatorView } from './operator-accounts.service';

/** Operator accounts, for admins (operators:write; auditors read them). */
@ApiTags('operators')
@OperatorEndpoint('operators')
@Controller('v1/operator/operators')
export class OperatorAccountsController {
  constructor(private readonly operators: OperatorAccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Every operator account with its role and status (never a password hash or TOTP secret)' })
  async list(): Promise<{ items: OperatorView[] }> {
    return { items: await this.operators.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Create an operator; the answer shows its TOTP secret and otpauth URI once, never again' })
  @ApiErrorResponses(400, 409)
  async create(@Body() body: CreateOperatorDto, @Req() request: Request): Promise<unknown> {
    const { after, totp } = await this.operators.create(body);
    audited(request, { before: null, after });
    return { operator: after, totp };
  }

  @Put(':id/role')
  @ApiOperation({ summary: "Change an operator's role; their sessions end" })
  @ApiErrorResponses(400, 404, 422)
  async changeRole(@Param('id', uuidParam('id')) id: string, @Body() body: ChangeRoleDto, @Req() request: Request): Promise<OperatorView> {
    return audited(request, await this.operators.changeRole(id, body.role));
  }

  @Post(':id/block')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block an operator: no login, their sessions end' })
  @ApiErrorResponses(400, 404, 422)
  async block(@Param('id', uuidParam('id')) id: string, @Req() request: Request): Promise<OperatorView> {
    return audited(request, await this.operators.block(id, actorOf(request)!));
  }

  @Post(':id/unblock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unblock an operator (also lifts a lock after failed logins)' })
  @ApiErrorResponses(400, 404)
  async unblock(@Param('id', uuidParam('id')) id: string, @Req() request: Request): Promise<OperatorView> {
    return audited(request, await this.operators.unblock(id));
  }

  @Post(':id/totp')
  @HttpCode(200)
  @ApiOperation({ summary: "Reset an operator's TOTP: a new secret shown once; their sessions end" })
  @ApiErrorResponses(400, 404)
  async resetTotp(@Param('id', uuidParam('id')) id: string, @Req() request: Request): Promise<unknown> {
    const { before, after, totp } = await this.operators.resetTotp(id);
    audited(request, { before, after: { ...after, totp: 'reset' } });
    return { operator: after, totp };
  }
}

/** The change goes into the call's audit line; the account's new state is the answer. */
function audited<T extends { id: string }>(request: Request, change: Change<T> | { before: unknown; after: T & Record<string, unknown> }): T {
  setAuditDetail(request, { resource: `operator:${change.after.id}`, before: change.before, after: change.after });
  return change.after;
}
