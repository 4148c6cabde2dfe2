import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint, uuidParam } from '@payments/runtime';

import { TrialBalanceQueryDto } from './dto/trial-balance-query.dto';
import { PostingMapping } from './posting-mapping';
import { PostingRepository } from './posting.repository';
import { PostingResponse, postingResponseOf, trialBalanceResponseOf, TrialBalanceResponse } from './posting.response';
import { trialBalanceOf } from './trial-balance';
import { TrialBalanceRepository } from './trial-balance.repository';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement')
export class PostingsController {
  constructor(
    private readonly mapping: PostingMapping,
    private readonly postings: PostingRepository,
    private readonly trialBalances: TrialBalanceRepository,
  ) {}

  @Get('batches/:batchId/postings')
  @ApiOperation({ summary: "A closed batch's postings to the chart of accounts, each with the kinds of lines it sums and the rule that mapped them" })
  @ApiErrorResponses(400, 404)
  async ofBatch(@Param('batchId', uuidParam('batchId')) batchId: string): Promise<PostingResponse[]> {
    const postings = await this.postings.ofBatch(batchId);
    if (!postings) throw new NotFoundException(`batchId: no batch ${batchId}`);
    return postings.map((p) => postingResponseOf(p, this.mapping));
  }

  @Get('trial-balance')
  @ApiOperation({
    summary:
      'Trial balance over a range of business days: per account and currency the opening balance, debits, credits and closing balance (debit minus credit), and a check line per currency',
  })
  @ApiErrorResponses(400)
  async trialBalance(@Query() query: TrialBalanceQueryDto): Promise<TrialBalanceResponse> {
    if (query.to < query.from) throw new BadRequestException(`to: ${query.to} is before from ${query.from}`);
    const filter = { from: query.from, to: query.to, acquirerId: query.acquirerId, currency: query.currency };
    const balance = trialBalanceOf(await this.trialBalances.movements(filter), (account) => this.mapping.accountName(account));
    return trialBalanceResponseOf(filter, balance);
  }
}
