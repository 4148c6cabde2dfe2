import { DynamicModule, Module } from '@nestjs/common';

import { settlementDbProvider } from './database/settlement-db.provider';
import { TerminalTotalsConsumer } from './totals/terminal-totals.consumer';
import { TerminalTotalsController } from './totals/terminal-totals.controller';
import { TerminalTotalsRepository } from './totals/terminal-totals.repository';

/** The settlement service as one module: for now, running day totals per terminal (approvals in, reversals out). */
@Module({})
export class SettlementModule {
  static forRoot(_env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: SettlementModule,
      controllers: [TerminalTotalsController],
      providers: [settlementDbProvider, TerminalTotalsRepository, TerminalTotalsConsumer],
    };
  }
}
