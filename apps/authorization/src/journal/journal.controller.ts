import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { JournalQueryDto } from './dto/journal-query.dto';
import { JournalSearchRepository } from './journal-search.repository';
import { JOURNAL_CSV_COLUMNS, journalViewOf } from './journal-view.mapper';
import { JournalRepository } from './journal.repository';

/** Operator view of the journal: every attempt with its status history (card data masked only). */
@ApiTags('journal')
@OperatorEndpoint('journal')
@Controller('v1/journal/transactions')
export class JournalController {
  constructor(
    private readonly journal: JournalRepository,
    private readonly search: JournalSearchRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search the journal by any key, newest first, a page at a time; format=csv exports the page as CSV' })
  @ApiErrorResponses(400)
  async list(@Query() query: JournalQueryDto, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const page = await this.search.search(query);
    const items = page.rows.map(journalViewOf);
    if (query.format !== 'csv') return { items, nextCursor: page.nextCursor };
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="journal.csv"');
    if (page.nextCursor) res.setHeader('x-next-cursor', page.nextCursor);
    return stringify(items, { header: true, columns: [...JOURNAL_CSV_COLUMNS] });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One transaction of the journal with its full status history' })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', uuidParam('id')) id: string): Promise<Record<string, unknown>> {
    const row = await this.journal.findById(id);
    if (!row) throw new NotFoundException(`transaction ${id} is not in the journal`);
    const history = await this.journal.historyOf(id);
    return { ...journalViewOf(row), history: history.map((h) => ({ ...h, at: h.at.toISOString() })) };
  }
}
