import { Injectable } from '@nestjs/common';

import type { AuthorizeReply, FollowUpRequest } from '@payments/contracts';

import type { ExecutionContext } from '../operation/operation.command';
import { ExecuteOperationUseCase } from '../operation/execute-operation.usecase';

/** Cancel, refund, completion and emergency cancel, as the register's channel asks for them: the operation core runs them. */
@Injectable()
export class FollowUpUseCase {
  constructor(private readonly core: ExecuteOperationUseCase) {}

  execute(request: FollowUpRequest, context?: ExecutionContext): Promise<AuthorizeReply> {
    return this.core.execute({ kind: 'follow_up', request }, context);
  }
}
