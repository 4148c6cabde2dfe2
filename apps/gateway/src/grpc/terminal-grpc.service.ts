import { Injectable } from '@nestjs/common';

import { UntypedServiceImplementation } from '@grpc/grpc-js';

import { CreatePurchaseUseCase } from '../purchases/create-purchase.usecase';
import { purchaseRpc } from './purchases/purchase.rpc';
import { TerminalRpcAdapter } from './terminal-rpc.adapter';

/** payments.terminal.v1.TerminalService: one line per rpc of the .proto, each a REST use case. */
@Injectable()
export class TerminalGrpcService {
  constructor(
    private readonly rpc: TerminalRpcAdapter,
    private readonly purchases: CreatePurchaseUseCase,
  ) {}

  /** Handlers by rpc name, as in terminal.proto. */
  handlers(): UntypedServiceImplementation {
    return {
      Purchase: this.rpc.unary('Purchase', purchaseRpc(this.purchases)),
    };
  }
}
