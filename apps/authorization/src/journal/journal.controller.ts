import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { responseTextOf } from '../acquirer/response-codes';
import { JournalRepository } from './journal.repository';

/** Operator view of one journaled attempt and its status history (card data masked only). */
@ApiTags('journal')
@Controller('v1/journal/transactions')
export class JournalController {
  constructor(private readonly journal: JournalRepository) {}

  @Get(':id')
  @ApiOperation({ summary: 'One transaction of the journal with its full status history' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<Record<string, unknown>> {
    const row = await this.journal.findById(id);
    if (!row) throw new NotFoundException(`transaction ${id} is not in the journal`);
    const history = await this.journal.historyOf(id);
    return {
      transactionId: row.id,
      operation: row.operation,
      status: row.status,
      statusReason: row.statusReason,
      responseCode: row.responseCode,
      responseText: row.responseCode ? responseTextOf(row.responseCode) : undefined,
      terminalId: row.terminalId,
      merchantId: row.merchantId,
      amountMinor: row.amountMinor.toString(),
      currency: row.currency,
      maskedPan: row.maskedPan,
      cardToken: row.cardToken,
      cardScheme: row.cardScheme,
      stan: row.stan,
      rrn: row.rrn,
      approvalCode: row.approvalCode,
      businessDay: row.businessDay.toISOString().slice(0, 10),
      createdAt: row.createdAt.toISOString(),
      history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    };
  }
}
