import { BadGatewayException, Controller, Get, HttpCode, NotFoundException, Param, Post, Query, UnprocessableEntityException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { JournalFilesQueryDto } from './dto/journal-files-query.dto';
import { JournalFileRepository } from './journal-file.repository';
import { journalFileResponseOf, JournalFileResponse } from './journal-file.response';
import { JournalFileSender } from './journal-file.sender';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement/journal-files')
export class JournalFilesController {
  constructor(
    private readonly files: JournalFileRepository,
    private readonly sender: JournalFileSender,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Daily journal-entry files of the postings (one per business day and currency), newest business day first' })
  @ApiOkResponse({ type: JournalFileResponse, isArray: true })
  @ApiErrorResponses(400)
  async list(@Query() query: JournalFilesQueryDto): Promise<JournalFileResponse[]> {
    const files = await this.files.list({ businessDay: query.businessDay, currency: query.currency, status: query.status }, query.limit ?? 50);
    return files.map(journalFileResponseOf);
  }

  @Get(':fileId')
  @ApiOperation({ summary: 'One journal file: its sequence, size, SHA-256, entry count, total debits and credits, and how its delivery went' })
  @ApiOkResponse({ type: JournalFileResponse })
  @ApiErrorResponses(400, 404)
  async one(@Param('fileId', uuidParam('fileId')) fileId: string): Promise<JournalFileResponse> {
    const file = await this.files.findById(fileId);
    if (!file) throw new NotFoundException(`fileId: no journal file ${fileId}`);
    return journalFileResponseOf(file);
  }

  @Post(':fileId/resend')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Write the journal file again from its postings and deliver it again: refused (422, nothing sent) unless its SHA-256 equals the one recorded as sent; 502 when the destination fails or the day does not balance (recorded as an attempt)',
  })
  @ApiOkResponse({ type: JournalFileResponse })
  @ApiErrorResponses(400, 404, 422, 502)
  async resend(@Param('fileId', uuidParam('fileId')) fileId: string): Promise<JournalFileResponse> {
    const outcome = await this.sender.resend(fileId, new Date());
    switch (outcome.kind) {
      case 'not_found':
        throw new NotFoundException(`fileId: no journal file ${fileId}`);
      case 'mismatch':
        throw new UnprocessableEntityException(`fileId: ${outcome.message}`);
      case 'delivery_failed':
        throw new BadGatewayException(`fileId: the journal file was not delivered: ${outcome.message}`);
      case 'sent':
        return journalFileResponseOf(outcome.file);
    }
  }
}
