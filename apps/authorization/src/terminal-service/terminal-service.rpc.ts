import { Inject, Injectable, OnModuleInit } from '@nestjs/common';

import { terminalServiceRpc } from '@payments/contracts';
import type { Rpc } from '@payments/rpc';
import { RPC } from '@payments/runtime';

import { TerminalServiceUseCase } from './terminal-service.usecase';

/** Serves AuthorizationService/TerminalService: thin, the rules are in the use case. */
@Injectable()
export class TerminalServiceRpc implements OnModuleInit {
  constructor(
    @Inject(RPC) private readonly rpc: Rpc,
    private readonly services: TerminalServiceUseCase,
  ) {}

  onModuleInit(): void {
    // Close of day is no card operation: it runs to its end even when the register stopped waiting (its key completes late).
    this.rpc.serve(terminalServiceRpc, (request) => this.services.execute(request));
  }
}
