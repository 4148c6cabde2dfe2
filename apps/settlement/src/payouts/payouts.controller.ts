import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiErrorResponses, OperatorEndpoint } from '@payments/runtime';

import { PayoutsQueryDto } from './dto/payouts-query.dto';
import { MerchantPayoutRepository } from './merchant-payout.repository';
import { PayoutResponse, payoutResponseOf } from './payout.response';

@ApiTags('settlement')
@OperatorEndpoint('settlement')
@Controller('v1/settlement/payouts')
export class PayoutsController {
  constructor(private readonly payouts: MerchantPayoutRepository) {}

  @Get()
  @ApiOperation({
    summary:
      'Merchant payouts (per closed batch, merchant and currency: gross, fees, net), held with a reason, pending or sent in a pain.001, or paid as a statement shows; newest business day first',
  })
  @ApiOkResponse({ type: PayoutResponse, isArray: true })
  @ApiErrorResponses(400)
  async list(@Query() query: PayoutsQueryDto): Promise<PayoutResponse[]> {
    const payouts = await this.payouts.list({ businessDay: query.businessDay, merchantId: query.merchantId, status: query.status }, query.limit ?? 50);
    const today = new Date();
    return payouts.map((payout) => payoutResponseOf(payout, today));
  }
}
