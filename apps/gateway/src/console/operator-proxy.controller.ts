import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { OperatorListenerOnly } from '@payments/runtime';

import { OperatorProxy } from './operator-proxy';

export const OPERATOR_PROXY = Symbol('OperatorProxy');

/**
 * Distributed mode only (registered when GATEWAY_OPERATOR_PROXY_* names a service): the journal,
 * the PIN pad registry and settlement, forwarded from the gateway's operator port to the service
 * that serves them, so the console calls one origin. The service authenticates and audits.
 */
@ApiExcludeController()
@OperatorListenerOnly()
@Controller()
export class OperatorProxyController {
  constructor(@Inject(OPERATOR_PROXY) private readonly proxy: OperatorProxy) {}

  @All(['v1/journal', 'v1/journal/*path', 'v1/pin-pads', 'v1/pin-pads/*path', 'v1/settlement', 'v1/settlement/*path'])
  forward(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.proxy.forward(request, response);
  }
}
