import { All, Body, Controller, Headers, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { OperationTiming } from './operation-timing';
import { RegisterForwardUseCase } from './register-forward.usecase';

/**
 * The gateway's register API, served in the shop: every `/v1/...` request, with the gateway's
 * paths, headers, bodies and answers (its OpenAPI document is the gateway's), plus a `Server-Timing`
 * header: the time spent waiting on the PIN pad, on the gateway, and in the bridge itself.
 */
@ApiExcludeController()
@Controller('v1')
export class RegisterApiController {
  constructor(private readonly forward: RegisterForwardUseCase) {}

  @All('*path')
  async handle(
    @Req() request: Request,
    @Headers('authorization') authorization: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('x-request-id') requestId: string | undefined,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const timing = new OperationTiming();
    const answer = await this.forward.execute({ method: request.method, url: request.originalUrl, authorization, idempotencyKey, requestId, body }, timing);
    res.status(answer.status);
    res.setHeader('server-timing', timing.header());
    if (answer.contentType) res.type(answer.contentType);
    res.send(answer.body);
  }
}
