import { Injectable } from '@nestjs/common';

import { RegisterOutcome } from '../outcomes/register-outcome';
import { CardOperationUseCase } from '../operations/card-operation.usecase';
import { Terminal } from '../terminals/terminal';
import { CreatePurchaseDto } from '../operations/dto/create-purchase.dto';

/** A register's purchase: the card operation `purchase` (REST and gRPC share it). */
@Injectable()
export class CreatePurchaseUseCase {
  constructor(private readonly cardOperations: CardOperationUseCase) {}

  execute(terminal: Terminal, idempotencyKey: string, dto: CreatePurchaseDto, connection?: AbortSignal): Promise<RegisterOutcome> {
    return this.cardOperations.execute(terminal, idempotencyKey, 'purchase', dto, connection);
  }
}
