import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, Res, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { terminalPublicKeyOf } from '@payments/contracts';
import { ApiErrorResponses, OperatorEndpoint } from '@payments/runtime';

import { AgentNodeRepository } from '../tree/agent-node.repository';
import { TERMINAL_ID, TERMINAL_ID_RULE, terminalResponseOf } from './agent-terminal';
import { AgentTerminalRepository } from './agent-terminal.repository';
import { RegisterTerminalDto } from './dto/register-terminal.dto';
import { TerminalsQueryDto } from './dto/terminals-query.dto';

/** The agents' terminals for operators: register one under a node with its Ed25519 public key, list them, block one. */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents/terminals')
export class TerminalsController {
  constructor(
    private readonly terminals: AgentTerminalRepository,
    private readonly nodes: AgentNodeRepository,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a terminal under a node with its Ed25519 public key (PEM); 201, or 200 when the same id, node and key are registered already',
  })
  @ApiErrorResponses(400, 404, 422)
  async register(@Body() body: RegisterTerminalDto, @Res({ passthrough: true }) response: Response) {
    const publicKey = terminalPublicKeyOf(body.publicKey);
    if ('problem' in publicKey) throw new BadRequestException(`publicKey: ${publicKey.problem}`);
    if (!(await this.nodes.find(body.nodeId))) throw new NotFoundException(`nodeId: no node ${body.nodeId}`);
    const { terminal, created } = await this.terminals.register(body);
    const sameKey = terminalPublicKeyOf(terminal.publicKey);
    if (!created && (terminal.nodeId !== body.nodeId || !('key' in sameKey) || !sameKey.key.equals(publicKey.key))) {
      throw new UnprocessableEntityException(`id: terminal ${body.id} is registered under another node or with another key`);
    }
    response.status(created ? 201 : 200);
    return terminalResponseOf(terminal);
  }

  @Get()
  @ApiOperation({ summary: 'The terminals by id (at most 1000), optionally of one node' })
  @ApiErrorResponses(400)
  async list(@Query() query: TerminalsQueryDto) {
    return (await this.terminals.list(query.nodeId)).map(terminalResponseOf);
  }

  @Post(':terminalId/block')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block a terminal: each of its signed requests is refused from then on (401 blocked_terminal); its payments stay as they are' })
  @ApiErrorResponses(400, 404)
  async block(@Param('terminalId') terminalId: string) {
    if (!TERMINAL_ID.test(terminalId)) throw new BadRequestException(`terminalId: ${TERMINAL_ID_RULE}`);
    const terminal = await this.terminals.block(terminalId, new Date());
    if (!terminal) throw new NotFoundException(`terminalId: no terminal ${terminalId}`);
    return terminalResponseOf(terminal);
  }
}
