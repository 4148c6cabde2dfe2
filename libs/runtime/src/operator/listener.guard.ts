import { CanActivate, ExecutionContext, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { MetricsController } from '@payments/observability';

import { EVERY_LISTENER, OPERATOR_ENDPOINT } from './operator-endpoint.decorator';
import { OperatorListener } from './operator-listener';
import { OPERATOR_LISTENER } from './operator.tokens';

/**
 * With an operator listener, each route answers on its own listener only and is a plain 404 on
 * the other: the register-facing port never serves the journal, the totals or metrics, and the
 * operator port no register operation. Health answers everywhere. Runs before any other guard, so
 * the wrong port learns nothing (not even that a key is needed).
 */
@Injectable()
export class ListenerGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(OPERATOR_LISTENER) private readonly listener: OperatorListener,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http' || this.listener.port === undefined) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(EVERY_LISTENER, targets)) return true;
    // Metrics are the operators' too; observability cannot carry runtime's decorator.
    const forOperators = this.reflector.getAllAndOverride<boolean>(OPERATOR_ENDPOINT, targets) === true || context.getClass() === MetricsController;
    const request = context.switchToHttp().getRequest<Request>();
    if (forOperators !== this.listener.received(request)) throw new NotFoundException(`Cannot ${request.method} ${request.path}`);
    return true;
  }
}
