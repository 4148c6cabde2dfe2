import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';

import { OperatorKeyRing } from './operator-key.ring';
import { OPERATOR_KEY_RING } from './operator.tokens';

/** `Authorization: Bearer <operator key>` on the operators' endpoints (journal, totals); a 401 says what is missing. */
@Injectable()
export class OperatorKeyGuard implements CanActivate {
  constructor(@Inject(OPERATOR_KEY_RING) private readonly keys: OperatorKeyRing) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('missing operator key: send Authorization: Bearer <operator key>');
    if (!this.keys.accepts(match[1])) throw new UnauthorizedException('unknown operator key');
    return true;
  }
}
