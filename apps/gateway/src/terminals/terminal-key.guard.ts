import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';

import { TerminalKeyCache } from './terminal-key.cache';
import { Terminal } from './terminal';

export type TerminalRequest = Request & { terminal?: Terminal };

/** `Authorization: Bearer <terminal API key>`; a missing or unknown key is a 401 that says which. */
@Injectable()
export class TerminalKeyGuard implements CanActivate {
  constructor(private readonly clients: TerminalKeyCache) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<TerminalRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('missing terminal API key: send Authorization: Bearer <key>');
    const terminal = await this.clients.findActiveByKey(match[1]);
    if (!terminal) throw new UnauthorizedException('unknown or disabled terminal API key');
    request.terminal = terminal;
    return true;
  }
}
