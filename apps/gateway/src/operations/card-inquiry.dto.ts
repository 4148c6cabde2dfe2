import { PickType } from '@nestjs/swagger';

import { CreatePurchaseDto } from './dto/create-purchase.dto';

/** A balance inquiry or a card read: the card and the currency, no amount. */
export class CardInquiryDto extends PickType(CreatePurchaseDto, ['currency', 'card', 'entryMode'] as const) {}
