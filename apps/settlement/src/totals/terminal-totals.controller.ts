import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint } from '@payments/runtime';

import { TotalsQueryDto } from './dto/totals-query.dto';
import { TerminalTotalsRepository } from './terminal-totals.repository';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement/terminal-totals')
export class TerminalTotalsController {
  constructor(private readonly totals: TerminalTotalsRepository) {}

  @Get()
  @ApiOperation({ summary: 'Approved purchases per terminal and currency for a business day' })
  @ApiErrorResponses(400)
  async list(@Query() query: TotalsQueryDto): Promise<{ businessDay: string; terminalId: string; currency: string; count: number; amountMinor: string }[]> {
    const rows = await this.totals.list(query.businessDay, query.terminalId);
    return rows.map((r) => ({ ...r, amountMinor: r.amountMinor.toString() }));
  }
}
