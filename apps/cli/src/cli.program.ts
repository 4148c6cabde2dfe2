import { Command, CommanderError } from 'commander';

import { addAgentsCommands } from './agents/agents.program';
import { addAgentsStatementCommand } from './agents-statement/agents-statement.program';
import { addAgentsRegistryCommands } from './agents-registry/agents-registry.program';
import { type CardEncryptCommandOptions, runCardEncrypt } from './card/card-encrypt.command';
import { addDukptCommands } from './dukpt/dukpt.program';
import { DEFAULT_AES_KSN, DEFAULT_BDK_ID, DEFAULT_KSN } from './card/card-encrypt.options';
import { runIso8583Decode, type Iso8583DecodeOptions } from './iso8583/iso8583-decode.command';
import { runIso8583Encode, type Iso8583EncodeOptions } from './iso8583/iso8583-encode.command';
import { runIso8583Specs } from './iso8583/iso8583-specs.command';
import { addPinPadSimulateCommand } from './pinpad/pinpad-simulate.command';
import type { CliIo } from './runner/cli-io.types';
import { addPinpadCommands } from './pinpad/pinpad.program';
import { addPkiCommands } from './pki/pki.program';
import { oneLine, toErrorLine } from './runner/error-line.util';
import { addSettlementCommands } from './settlement/settlement.program';
import { runStatementParse, type StatementParseOptions } from './statement/statement-parse.command';
import { addVoucherCommands } from './vouchers/vouchers.program';

/**
 * Parses argv and runs the command it names; resolves to the exit code and never rejects.
 * Usage errors (unknown command or option, missing option) follow the commands' contract too:
 * one `error: ...` line on stderr (commander's suggestion folded into it), nothing on stdout.
 * `env` gives the settlement commands their operator API and key (PAYMENTS_OPERATOR_URL, PAYMENTS_OPERATOR_KEY).
 */
export async function runCli(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode = 0;
  const run = async (command: Promise<number>): Promise<void> => {
    exitCode = await command;
  };
  const program = new Command('cli')
    .description('Operator tools for the payments platform (npm run --silent cli -- <command>)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Only the full help shown for a missing command comes here; it is replaced by one line below.
      writeErr: () => undefined,
      outputError: (text) => io.stderr.write(`${oneLine(text)}\n`),
    });
  const iso8583 = program.command('iso8583').description('Encode and decode ISO 8583 messages with the platform codec');
  iso8583
    .command('decode')
    .description('Decode a message given as hex; prints {"mti","fields"} as one JSON line')
    .requiredOption('--spec <name>', 'spec name (see `iso8583 specs`)')
    .requiredOption('--hex <hex>', 'the message bytes as hex')
    .action((options: Iso8583DecodeOptions) => run(runIso8583Decode(options, io)));
  iso8583
    .command('encode')
    .description('Encode the {"mti","fields"} JSON read on stdin; prints the message bytes as uppercase hex')
    .requiredOption('--spec <name>', 'spec name (see `iso8583 specs`)')
    .action((options: Iso8583EncodeOptions) => run(runIso8583Encode(options, io)));
  iso8583
    .command('specs')
    .description('List the spec names known to the codec registry')
    .action(() => run(runIso8583Specs(io)));

  const card = program.command('card').description("Make what a register sends for a card (test cards and the platform's test keys)");
  card
    .command('encrypt')
    .description("Encrypt a test card as the PIN pad does (DUKPT, TDES or AES); prints the API's `card` object as one JSON line")
    .requiredOption('--pan <digits>', 'card number (a test card: it is on your command line)')
    .requiredOption('--expiry <YYMM>', 'expiry as on track 2, e.g. 2712')
    .option('--algorithm <name>', 'DUKPT: tdes (X9.24-1), aes128 or aes256 (X9.24-3)', 'tdes')
    .option(
      '--ksn <hex>',
      `key serial number, a new counter for each purchase: 20 hex digits for tdes (default ${DEFAULT_KSN}), 24 for AES (default ${DEFAULT_AES_KSN})`,
    )
    .option('--service-code <digits>', 'service code (201: chip, international)', '201')
    .option(
      '--bdk-id <id>',
      `id of the base derivation key, as in the server's CARD_BDKS (default ${DEFAULT_BDK_ID}, for AES ansi-aes128-test-bdk or ansi-aes256-test-bdk)`,
    )
    .option('--bdk <hex>', 'the base derivation key: 32 hex digits for tdes and aes128, 64 for aes256 (default: the public ANSI X9.24-1 or X9.24-3 test BDK)')
    .action((options: CardEncryptCommandOptions) => run(runCardEncrypt(options, io)));

  addDukptCommands(program, io, run);
  addPinpadCommands(program, io, run);
  addPkiCommands(program, io, run);

  const statement = program.command('statement').description('Read bank statements: camt.053, camt.054 and MT940');
  statement
    .command('parse')
    .description('Parse a statement file; prints {"statements":[...]} as one JSON line, amounts in minor units')
    .requiredOption('--format <format>', 'camt053, camt054 or mt940')
    .requiredOption('--file <path>', 'the statement file')
    .option('--profile <name>', 'bank profile to check the balances under (see libs/bank-statements/README.md)', 'standard')
    .option('--account <id>', 'the account expected (IBAN or bank account id): another one is an error')
    .option('--currency <code>', 'the currency expected: another one is an error')
    .action((options: StatementParseOptions) => run(runStatementParse(options, io)));

  addSettlementCommands(program, io, env, run);
  addAgentsCommands(program, io, env, run);
  addAgentsStatementCommand(program, io, env, run);
  addAgentsRegistryCommands(program, io, env, run);
  addVoucherCommands(program, io, env, run);
  addPinPadSimulateCommand(program, io, run);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) {
      io.stderr.write(`${toErrorLine(error)}\n`);
      return 1;
    }
    if (error.code === 'commander.help' && error.exitCode !== 0) {
      io.stderr.write('error: missing command; run with --help to list the commands\n');
    }
    return error.exitCode;
  }
}
