import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { ApiErrorResponses, OperatorEndpoint, setAuditDetail } from '@payments/runtime';

import { PinPadQueryDto, PinPadStatusDto, RegisterPinPadDto } from './dto/pin-pad.dto';
import type { PinPadView } from './pin-pad.model';
import { PinPadRegistryService } from './pin-pad-registry.service';

/** The PIN pad registry: which pads the server takes card data from, for which register. */
@ApiTags('pin pads')
@OperatorEndpoint('terminals')
@Controller('v1/pin-pads')
export class PinPadRegistryController {
  constructor(private readonly registry: PinPadRegistryService) {}

  @Post()
  @ApiOperation({
    summary: 'Register a PIN pad (201), or register it again with another register, shop or initial key (200: a new key starts its counter over)',
  })
  @ApiErrorResponses(400, 409)
  async register(@Body() body: RegisterPinPadDto, @Req() request: Request, @Res({ passthrough: true }) res: Response): Promise<PinPadView> {
    const before = (await this.registry.find(body.serialNumber)) ?? null;
    const { created, pad } = await this.registry.register(body);
    res.status(created ? 201 : 200);
    return audited(request, before, pad);
  }

  @Get()
  @ApiOperation({ summary: 'The registered PIN pads, by serial number' })
  @ApiErrorResponses(400)
  async list(@Query() query: PinPadQueryDto): Promise<{ items: PinPadView[] }> {
    return { items: await this.registry.list({ terminalId: query.terminalId, status: query.status }, query.limit ?? 100) };
  }

  @Get(':serialNumber')
  @ApiOperation({ summary: 'One PIN pad: its key, register, status and the last DUKPT counter taken' })
  @ApiErrorResponses(404)
  get(@Param('serialNumber') serialNumber: string): Promise<PinPadView> {
    return this.registry.get(serialNumber);
  }

  @Post(':serialNumber/block')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block a PIN pad: its card data is refused (58) until unblocked' })
  @ApiErrorResponses(400, 404)
  async block(@Param('serialNumber') serialNumber: string, @Body() body: PinPadStatusDto, @Req() request: Request): Promise<PinPadView> {
    const before = await this.registry.get(serialNumber);
    return audited(request, before, await this.registry.setStatus(serialNumber, 'blocked', body.reason));
  }

  @Post(':serialNumber/unblock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unblock a PIN pad' })
  @ApiErrorResponses(400, 404)
  async unblock(@Param('serialNumber') serialNumber: string, @Body() body: PinPadStatusDto, @Req() request: Request): Promise<PinPadView> {
    const before = await this.registry.get(serialNumber);
    return audited(request, before, await this.registry.setStatus(serialNumber, 'active', body.reason));
  }
}

/** The audit line keeps the pad before and after the change. */
function audited(request: Request, before: PinPadView | null, after: PinPadView): PinPadView {
  setAuditDetail(request, { resource: `pin-pad:${after.serialNumber}`, before, after });
  return after;
}
