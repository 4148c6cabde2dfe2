import { PickType } from '@nestjs/swagger';

import { CreatePurchaseDto } from './dto/create-purchase.dto';

/** A balance inquiry or a card read: the card and the currency, no amount (a balance inquiry may carry a PIN). */
export class CardInquiryDto extends PickType(CreatePurchaseDto, ['currency', 'card', 'pin', 'entryMode'] as const) {}
