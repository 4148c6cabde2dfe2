import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { TotalsQueryDto } from './dto/totals-query.dto';
import { TerminalTotalsRepository } from './terminal-totals.repository';

@ApiTags('settlement')
@Controller('v1/settlement/terminal-totals')
export class TerminalTotalsController {
  constructor(private readonly totals: TerminalTotalsRepository) {}

  @Get()
  @ApiOperation({ summary: 'Approved purchases per terminal and currency for a business day' })
  async list(@Query() query: TotalsQueryDto): Promise<{ businessDay: string; terminalId: string; currency: string; count: number; amountMinor: string }[]> {
    const rows = await this.totals.list(query.businessDay, query.terminalId);
    return rows.map((r) => ({ ...r, amountMinor: r.amountMinor.toString() }));
  }
}
