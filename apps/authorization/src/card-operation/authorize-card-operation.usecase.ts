import { Injectable } from '@nestjs/common';

import type { AuthorizeReply, AuthorizeRequest } from '@payments/contracts';

import type { ExecutionContext } from '../operation/operation.command';
import { ExecuteOperationUseCase } from '../operation/execute-operation.usecase';

/**
 * A card-present operation (purchase, cash, top-up, preauthorization, balance, card read), as
 * the register's channel asks for it: the operation core runs it.
 */
@Injectable()
export class AuthorizeCardOperationUseCase {
  constructor(private readonly core: ExecuteOperationUseCase) {}

  execute(request: AuthorizeRequest, context?: ExecutionContext): Promise<AuthorizeReply> {
    return this.core.execute({ kind: 'card', request }, context);
  }
}
