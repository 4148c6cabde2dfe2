import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint } from '@payments/runtime';

import { merchantFundingResponseOf } from './acquirer-transfer.response';
import { MerchantFundingQueryDto } from './dto/merchant-funding-query.dto';
import { MerchantFundingReader } from './merchant-funding.reader';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement/merchant-funding')
export class MerchantFundingController {
  constructor(private readonly funding: MerchantFundingReader) {}

  @Get()
  @ApiOperation({
    summary:
      'What each acquirer owes each merchant per business day and currency, and whether its transfers paid it: paid, short, late (unpaid after the due date) or pending; newest business day first',
  })
  @ApiErrorResponses(400)
  async list(@Query() query: MerchantFundingQueryDto) {
    const { limit = 100, ...filter } = query;
    return (await this.funding.list(filter, limit, new Date())).map(merchantFundingResponseOf);
  }
}
