import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put, Query, Res, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { StockQueryDto, StockThresholdDto, VoucherBatchDto, VoucherSerialDto } from './dto/voucher.dto';
import { ImportVoucherBatchUseCase } from './import-voucher-batch.usecase';
import type { StockLevel } from './voucher';
import { VoucherReturnsUseCase } from './voucher-returns.usecase';
import { VoucherStockRepository } from './voucher-stock.repository';
import { VoucherStockWatch } from './voucher-stock.watch';

const stockResponseOf = (level: StockLevel) => ({
  ...level,
  denomination: level.denomination.toString(),
  low: level.minimumAvailable !== null && level.available < level.minimumAvailable,
});

/** The operators' side of scratch vouchers: batches in, stock, thresholds, returns and blocks. No answer ever holds a code. */
@ApiTags('agents')
@OperatorEndpoint('agents')
@Controller('v1/agents')
export class VoucherStockController {
  constructor(
    private readonly imports: ImportVoucherBatchUseCase,
    private readonly returns: VoucherReturnsUseCase,
    private readonly stock: VoucherStockRepository,
    private readonly watch: VoucherStockWatch,
  ) {}

  @Post('voucher-batches')
  @ApiOperation({
    summary: "Import a provider's batch (JSON vouchers or CSV), whole or not at all; 201, or 200 with the first import for the same id and body",
  })
  @ApiErrorResponses(400, 422)
  async import(@Body() body: VoucherBatchDto, @Res({ passthrough: true }) response: Response) {
    const outcome = await this.imports.execute({
      batchId: body.id,
      providerId: body.providerId,
      denomination: BigInt(body.denomination),
      currency: body.currency,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      vouchers: body.vouchers,
      csv: body.csv,
      now: new Date(),
    });
    switch (outcome.kind) {
      case 'imported':
      case 'existing': {
        const { batch } = outcome;
        response.status(outcome.kind === 'imported' ? 201 : 200);
        return {
          id: batch.id,
          providerId: batch.providerId,
          denomination: batch.denomination.toString(),
          currency: batch.currency,
          expiresAt: batch.expiresAt?.toISOString() ?? null,
          voucherCount: batch.voucherCount,
          importedAt: batch.importedAt.toISOString(),
        };
      }
      case 'refused':
        throw new UnprocessableEntityException(outcome.message);
      case 'id_reused':
        throw new UnprocessableEntityException(`id: voucher batch ${body.id} exists with another body`);
    }
  }

  @Get('voucher-stock')
  @ApiOperation({ summary: 'Stock per provider, denomination and currency: available, expired, sold, returned, blocked, the threshold and whether it is low' })
  @ApiErrorResponses(400)
  async levels(@Query() query: StockQueryDto) {
    return (await this.stock.levels(new Date(), { providerId: query.providerId })).map(stockResponseOf);
  }

  @Put('voucher-stock/thresholds')
  @ApiOperation({ summary: "Set a stock's low-stock threshold; the alert is raised or cleared at once" })
  @ApiErrorResponses(400)
  async threshold(@Body() body: StockThresholdDto) {
    const key = { providerId: body.providerId, denomination: BigInt(body.denomination), currency: body.currency };
    const now = new Date();
    await this.stock.setThreshold(key, body.minimumAvailable, now);
    const level = await this.watch.check(key, now);
    return stockResponseOf(level ?? { ...key, available: 0, expired: 0, sold: 0, returned: 0, blocked: 0, minimumAvailable: body.minimumAvailable });
  }

  @Post('voucher-batches/:id/return')
  @HttpCode(200)
  @ApiOperation({ summary: "A batch's unsold vouchers (available or blocked) back to the provider; sold ones stay sold" })
  @ApiErrorResponses(400, 404)
  returnBatch(@Param('id', uuidParam('id')) id: string) {
    return this.moveBatch(id, 'returned');
  }

  @Post('voucher-batches/:id/block')
  @HttpCode(200)
  @ApiOperation({ summary: "Block a batch's available vouchers: never sold after" })
  @ApiErrorResponses(400, 404)
  blockBatch(@Param('id', uuidParam('id')) id: string) {
    return this.moveBatch(id, 'blocked');
  }

  @Post('vouchers/blocks')
  @HttpCode(200)
  @ApiOperation({ summary: 'Block one available voucher by serial: never sold after' })
  @ApiErrorResponses(400, 404, 422)
  async blockSerial(@Body() body: VoucherSerialDto) {
    const outcome = await this.returns.blockSerial(body.providerId, body.serial, new Date());
    if (outcome.kind === 'not_found') throw new NotFoundException(`serial: no voucher ${body.serial} of ${body.providerId}`);
    if (outcome.kind === 'not_available')
      throw new UnprocessableEntityException(`serial: voucher ${body.serial} is ${outcome.status}, only an available one is blocked`);
    return { providerId: body.providerId, serial: body.serial, status: outcome.voucher.status };
  }

  @Post('vouchers/returns')
  @HttpCode(200)
  @ApiOperation({ summary: 'A sold voucher returned: its denomination back to the agent that sold it (once), by a compensating transfer' })
  @ApiErrorResponses(400, 404, 422)
  async returnSold(@Body() body: VoucherSerialDto) {
    const outcome = await this.returns.returnSold(body.providerId, body.serial, new Date());
    if (outcome.kind === 'not_found') throw new NotFoundException(`serial: no voucher ${body.serial} of ${body.providerId}`);
    if (outcome.kind === 'not_sold')
      throw new UnprocessableEntityException(
        `serial: voucher ${body.serial} was not sold (it is ${outcome.status}): an unsold voucher goes back with its batch`,
      );
    const { voucher, transfer } = outcome;
    return {
      providerId: voucher.providerId,
      serial: voucher.serial,
      status: voucher.status,
      nodeId: voucher.nodeId,
      transferId: transfer.id,
      amount: transfer.amount.toString(),
      currency: transfer.currency,
      postedAt: transfer.createdAt.toISOString(),
    };
  }

  private async moveBatch(id: string, to: 'returned' | 'blocked') {
    const outcome = await this.returns.moveBatch(id, to, new Date());
    if (outcome.kind === 'not_found') throw new NotFoundException(`id: no voucher batch ${id}`);
    return { batchId: outcome.batchId, vouchers: outcome.vouchers };
  }
}
