import type { Command } from 'commander';

import { KEY_HELP, usageExit } from '../agents/agents.program';
import type { CliIo } from '../runner/cli-io.types';
import { acquirerIdOf, businessDayOf } from '../settlement/settlement-option.parsers';
import { runSettlementCommand } from '../settlement/settlement.command';

/** A payee id is checked by the same rule as an acquirer id (1-64 letters, digits, dots, dashes or underscores). */
const payeeOf = (value: string) => acquirerIdOf('--payee', value);

/**
 * `agents registry make|list|key`: a payee's registries (apps/agents-billing/README.md, "Registries")
 * from the command line, through the same client, key handling and exit codes as `settlement`.
 */
export function addAgentsRegistryCommands(program: Command, io: CliIo, env: NodeJS.ProcessEnv, run: (command: Promise<number>) => Promise<void>): void {
  const agents = program.commands.find((command) => command.name() === 'agents') ?? program.command('agents').exitOverride(usageExit);
  const registry = agents.command('registry').description("A payee's registries of posted payments per UTC day").exitOverride(usageExit);
  registry
    .command('make')
    .description("Make a payee's registry of a day that is over (or find the one recorded) and deliver it with its .sig now")
    .requiredOption('--payee <id>', 'the payee')
    .requiredOption('--day <YYYY-MM-DD>', 'the UTC day')
    .option('--url <url>', 'the operator API (see below)')
    .addHelpText('after', KEY_HELP)
    .exitOverride(usageExit)
    .action((options: { payee: string; day: string; url?: string }) =>
      run(
        runSettlementCommand(io, env, options.url, () => ({
          method: 'POST',
          path: `/v1/agents/payees/${payeeOf(options.payee)}/registries`,
          body: { bytes: Buffer.from(JSON.stringify({ day: businessDayOf('--day', options.day) })), contentType: 'application/json' },
        })),
      ),
    );
  registry
    .command('list')
    .description("A payee's registries, newest day first, with their delivery")
    .requiredOption('--payee <id>', 'the payee')
    .option('--from <YYYY-MM-DD>', 'this day and later')
    .option('--url <url>', 'the operator API (see below)')
    .addHelpText('after', KEY_HELP)
    .exitOverride(usageExit)
    .action((options: { payee: string; from?: string; url?: string }) =>
      run(
        runSettlementCommand(io, env, options.url, () => ({
          method: 'GET',
          path: `/v1/agents/payees/${payeeOf(options.payee)}/registries`,
          query: { from: options.from === undefined ? undefined : businessDayOf('--from', options.from) },
        })),
      ),
    );
  registry
    .command('key')
    .description('The public key that verifies every registry .sig (publicKeyPem), as payees are given it')
    .option('--url <url>', 'the operator API (see below)')
    .addHelpText('after', KEY_HELP)
    .exitOverride(usageExit)
    .action((options: { url?: string }) =>
      run(runSettlementCommand(io, env, options.url, () => ({ method: 'GET', path: '/v1/agents/registries/signing-key' }))),
    );
}
