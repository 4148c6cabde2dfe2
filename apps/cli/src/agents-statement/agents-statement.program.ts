import type { Command } from 'commander';

import type { CliIo } from '../runner/cli-io.types';
import { CliUsageError } from '../settlement/cli-usage.error';
import { EMBEDDED_OPERATOR_URL } from '../settlement/operator-connection';
import { businessDayOf, uuidOf } from '../settlement/settlement-option.parsers';
import { runSettlementCommand } from '../settlement/settlement.command';

const HELP = `
The days are UTC days, closed (a day closes 5 minutes after its end). Per account: the opening
balance, each movement kind's total (credits positive, debits negative), the closing balance; then
the days' settlements with the parent and the children (fundings, commissions set off, net due).
The operator API is --url, else $PAYMENTS_OPERATOR_URL, else ${EMBEDDED_OPERATOR_URL} (the embedded mode);
the operator key is read from $PAYMENTS_OPERATOR_KEY only, never printed.
Exit: 0 and the API's JSON answer as one line; 1 and one "error: ..." line; 2 for a bad or missing option.`;

interface StatementOptions {
  readonly node: string;
  readonly day: string;
  readonly to?: string;
  readonly url?: string;
}

/** `agents statement`: a node's statement for a closed UTC day (or from --day to --to), through GET /v1/agents/nodes/{id}/statements. */
export function addAgentsStatementCommand(program: Command, io: CliIo, env: NodeJS.ProcessEnv, run: (command: Promise<number>) => Promise<void>): void {
  const agents = program.commands.find((command) => command.name() === 'agents');
  if (!agents) throw new Error('the agents command is registered first');
  agents
    .command('statement')
    .description("A node's statement: opening balance, movements per kind, closing balance, and the day's settlements")
    .requiredOption('--node <uuid>', 'the node id')
    .requiredOption('--day <YYYY-MM-DD>', 'the (first) UTC day')
    .option('--to <YYYY-MM-DD>', 'the last UTC day of a longer statement (default: --day)')
    .option('--url <url>', 'the operator API (see below)')
    .addHelpText('after', HELP)
    .action((options: StatementOptions) =>
      run(
        runSettlementCommand(io, env, options.url, () => {
          const node = uuidOf('--node', options.node);
          const from = businessDayOf('--day', options.day);
          const to = options.to === undefined ? from : businessDayOf('--to', options.to);
          if (to < from) throw new CliUsageError(`--to ${to} is before --day ${from}`);
          return { method: 'GET', path: `/v1/agents/nodes/${node}/statements`, query: { from, to } };
        }),
      ),
    );
}
