import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { EveryListener } from '../operator/operator-endpoint.decorator';
import { ReadinessRegistry } from './readiness.registry';

/** Liveness never looks at dependencies (a restart would not fix them); readiness does. */
@ApiExcludeController()
@EveryListener()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  @Get('live')
  @HttpCode(HttpStatus.OK)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ready' | 'not-ready'; checks: Record<string, string> }> {
    const report = await this.readiness.evaluate();
    res.status(report.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: report.ready ? 'ready' : 'not-ready', checks: report.checks };
  }
}
