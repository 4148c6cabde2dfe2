import { type Command, CommanderError } from 'commander';

import type { CliIo } from '../runner/cli-io.types';
import { USAGE_EXIT_CODE } from '../settlement/cli-usage.error';
import { EMBEDDED_OPERATOR_URL } from '../settlement/operator-connection';
import { uuidOf } from '../settlement/settlement-option.parsers';
import { runSettlementCommand } from '../settlement/settlement.command';

export const KEY_HELP = `
The operator API is --url, else $PAYMENTS_OPERATOR_URL, else ${EMBEDDED_OPERATOR_URL} (the embedded mode);
the operator key is read from $PAYMENTS_OPERATOR_KEY only, never printed.
Exit: 0 and the API's JSON answer as one line; 1 and one "error: ..." line; 2 for a bad or missing option.`;

/** A missing or unknown option exits 2, as the settlement commands do. */
export function usageExit(error: CommanderError): never {
  throw error.exitCode === 0 ? error : new CommanderError(USAGE_EXIT_CODE, error.code, error.message);
}

/**
 * `ledger balance` and `agents tree`: the agents' operator API (apps/agents-billing/README.md) from
 * the command line, through the same client, key handling and exit codes as `settlement`.
 */
export function addAgentsCommands(program: Command, io: CliIo, env: NodeJS.ProcessEnv, run: (command: Promise<number>) => Promise<void>): void {
  program
    .command('ledger')
    .description("The agents' ledger")
    .exitOverride(usageExit)
    .command('balance')
    .description("A node's balance: posted, pending, credit limit and available (credits − debits + credit limit), and whether it is blocked")
    .requiredOption('--account <uuid>', 'the node id (its ledger account)')
    .option('--url <url>', 'the operator API (see below)')
    .addHelpText('after', KEY_HELP)
    .action((options: { account: string; url?: string }) =>
      run(runSettlementCommand(io, env, options.url, () => ({ method: 'GET', path: `/v1/agents/nodes/${uuidOf('--account', options.account)}` }))),
    );
  program
    .command('agents')
    .description('The tree of dealers, agents and sub-agents')
    .exitOverride(usageExit)
    .command('tree')
    .description('A node and its whole subtree, each node after its parent with its depth')
    .requiredOption('--root <uuid>', 'the node to start from (a dealer for the whole tree)')
    .option('--url <url>', 'the operator API (see below)')
    .addHelpText('after', KEY_HELP)
    .action((options: { root: string; url?: string }) =>
      run(runSettlementCommand(io, env, options.url, () => ({ method: 'GET', path: `/v1/agents/nodes/${uuidOf('--root', options.root)}/tree` }))),
    );
}
