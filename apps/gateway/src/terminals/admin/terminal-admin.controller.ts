import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { ApiErrorResponses, OperatorEndpoint, setAuditDetail } from '@payments/runtime';

import { CreateTerminalDto, TerminalStatusDto } from './terminal-admin.dto';
import { TerminalAdminService, type TerminalChange, type TerminalView } from './terminal-admin.service';

/** Registers and their API keys, for operators (terminals:write; support and auditors read). */
@ApiTags('terminals')
@OperatorEndpoint('terminals')
@Controller('v1/terminals')
export class TerminalAdminController {
  constructor(private readonly terminals: TerminalAdminService) {}

  @Get()
  @ApiOperation({ summary: 'The registers, by terminal id (never their keys)' })
  async list(): Promise<{ items: TerminalView[] }> {
    return { items: await this.terminals.list() };
  }

  @Get(':terminalId')
  @ApiOperation({ summary: 'One register' })
  @ApiErrorResponses(404)
  get(@Param('terminalId') terminalId: string): Promise<TerminalView> {
    return this.terminals.get(terminalId);
  }

  @Post()
  @ApiOperation({ summary: 'Create a register; its API key is in the answer, once (stored only as a hash)' })
  @ApiErrorResponses(400, 409)
  async create(@Body() body: CreateTerminalDto, @Req() request: Request): Promise<{ terminal: TerminalView; apiKey: string }> {
    return shownOnce(request, await this.terminals.create(body));
  }

  @Post(':terminalId/key')
  @HttpCode(200)
  @ApiOperation({ summary: "Rotate a register's API key: the new key is in the answer, once; the old one stops working within the terminal cache's TTL" })
  @ApiErrorResponses(404)
  async rotate(@Param('terminalId') terminalId: string, @Req() request: Request): Promise<{ terminal: TerminalView; apiKey: string }> {
    return shownOnce(request, await this.terminals.rotateKey(terminalId));
  }

  @Post(':terminalId/block')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block a register: its key is refused (401) until unblocked' })
  @ApiErrorResponses(400, 404)
  async block(@Param('terminalId') terminalId: string, @Body() body: TerminalStatusDto, @Req() request: Request): Promise<TerminalView> {
    return audited(request, await this.terminals.setActive(terminalId, false), body.reason);
  }

  @Post(':terminalId/unblock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unblock a register' })
  @ApiErrorResponses(400, 404)
  async unblock(@Param('terminalId') terminalId: string, @Body() body: TerminalStatusDto, @Req() request: Request): Promise<TerminalView> {
    return audited(request, await this.terminals.setActive(terminalId, true), body.reason);
  }
}

/** The audit line keeps the register before and after, never the key. */
function audited(request: Request, change: TerminalChange, reason?: string): TerminalView {
  setAuditDetail(request, {
    resource: `terminal:${change.after.terminalId}`,
    before: change.before,
    after: reason === undefined ? change.after : { ...change.after, reason },
  });
  return change.after;
}

function shownOnce(request: Request, change: TerminalChange): { terminal: TerminalView; apiKey: string } {
  return { terminal: audited(request, change), apiKey: change.apiKey ?? '' };
}
