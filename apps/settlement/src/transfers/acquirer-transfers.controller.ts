import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { transferResponseOf } from './acquirer-transfer.response';
import { AcquirerTransferRepository } from './acquirer-transfer.repository';
import { ImportAcquirerTransferDto } from './dto/import-acquirer-transfer.dto';
import { ImportAcquirerTransferUseCase } from './import-acquirer-transfer.usecase';

@ApiTags('settlement')
@OperatorEndpoint()
@Controller('v1/settlement/acquirer-transfers')
export class AcquirerTransfersController {
  constructor(
    private readonly importTransfer: ImportAcquirerTransferUseCase,
    private readonly transfers: AcquirerTransferRepository,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Import an acquirer's per-transfer file and match each line to the settlement line it pays: paid, short, over, duplicate or unknown (the same import for the same bytes)",
  })
  @ApiErrorResponses(400, 404, 409, 422)
  async import(@Body() body: ImportAcquirerTransferDto) {
    const outcome = await this.importTransfer.execute({ ...body, bytes: Buffer.from(body.content, 'utf8') });
    switch (outcome.kind) {
      case 'imported':
        return transferResponseOf(outcome.transfer, new Date());
      case 'unknown_acquirer':
        throw new NotFoundException(`acquirerId: acquirer "${outcome.acquirerId}" is neither configured nor seen in any transaction`);
      case 'refused_file':
        throw new UnprocessableEntityException(`content: the transfer file was refused, nothing was stored: ${outcome.reason}`);
      case 'transfer_already_imported':
        throw new ConflictException(
          `content: transfer ${outcome.transferReference} of acquirer "${body.acquirerId}" was already imported by import ${outcome.earlierTransferId} from another file`,
        );
    }
  }

  @Get(':transferId')
  @ApiOperation({ summary: 'One imported transfer: counts and sums per outcome, its breaks, and whether the bank statements show it received' })
  @ApiErrorResponses(400, 404)
  async one(@Param('transferId', uuidParam('transferId')) transferId: string) {
    const record = await this.transfers.findById(transferId);
    if (!record) throw new NotFoundException(`transferId: no acquirer transfer ${transferId}`);
    return transferResponseOf(record, new Date());
  }
}
