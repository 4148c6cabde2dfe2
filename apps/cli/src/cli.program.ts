import { Command, CommanderError } from 'commander';

import { runIso8583Decode, type Iso8583DecodeOptions } from './iso8583/iso8583-decode.command';
import { runIso8583Encode, type Iso8583EncodeOptions } from './iso8583/iso8583-encode.command';
import { runIso8583Specs } from './iso8583/iso8583-specs.command';
import type { CliIo } from './runner/cli-io.types';
import { oneLine, toErrorLine } from './runner/error-line.util';

/**
 * Parses argv and runs the command it names; resolves to the exit code and never rejects.
 * Usage errors (unknown command or option, missing option) follow the commands' contract too:
 * one `error: ...` line on stderr (commander's suggestion folded into it), nothing on stdout.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
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
