import type { Command } from 'commander';

import { listenPinPadOverTcp, openPtyPair, PinPadSimulator, servePinPadOverSerial } from '@payments/pinpad';

import { DEFAULT_BDK, DEFAULT_BDK_ID, DEFAULT_KSN } from '../card/card-encrypt.options';
import type { CliIo } from '../runner/cli-io.types';
import { toErrorLine } from '../runner/error-line.util';
import { PinPadSimulateOptions, simulatorConfigOf, SimulatorTransport, transportOf } from './pinpad-simulate.options';

export type { PinPadSimulateOptions } from './pinpad-simulate.options';

/** Resolves when the operator stops the simulator (Ctrl-C or a kill). */
export function untilSignalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `pinpad simulate --tcp <port> | --pty | --serial <tty>`: starts the PIN pad simulator, prints
 * where it listens as one JSON line, and serves until `stopped()` resolves (SIGINT/SIGTERM). Bad
 * options or a transport that cannot start: one `error: ...` line and exit 1.
 */
export async function runPinPadSimulate(options: PinPadSimulateOptions, io: CliIo, stopped: () => Promise<void> = untilSignalled): Promise<number> {
  let serving: { readonly where: object; close(): Promise<void> };
  try {
    const simulator = new PinPadSimulator(simulatorConfigOf(options));
    serving = await serve(simulator, transportOf(options));
  } catch (error) {
    io.stderr.write(`${toErrorLine(error)}\n`);
    return 1;
  }
  const stop = stopped();
  io.stdout.write(`${JSON.stringify(serving.where)}\n`);
  await stop;
  await serving.close();
  return 0;
}

async function serve(simulator: PinPadSimulator, transport: SimulatorTransport): Promise<{ readonly where: object; close(): Promise<void> }> {
  switch (transport.kind) {
    case 'tcp': {
      const listening = await listenPinPadOverTcp(simulator, transport.port);
      return { where: { transport: 'tcp', host: listening.host, port: listening.port }, close: () => listening.close() };
    }
    case 'serial': {
      const serial = await servePinPadOverSerial(simulator, transport.path);
      return { where: { transport: 'serial', path: transport.path }, close: () => serial.close() };
    }
    case 'pty': {
      const pair = await openPtyPair();
      const serial = await servePinPadOverSerial(simulator, pair.ends[0]).catch(async (error: unknown) => {
        await pair.close();
        throw error;
      });
      return {
        where: { transport: 'pty', path: pair.ends[1] },
        close: async () => {
          await serial.close();
          await pair.close();
        },
      };
    }
  }
}

/** Adds `pinpad simulate` under the `pinpad` command (made here if no other pinpad command made it yet). */
export function addPinPadSimulateCommand(program: Command, io: CliIo, run: (command: Promise<number>) => Promise<void>): void {
  const pinpad = program.commands.find((command) => command.name() === 'pinpad') ?? program.command('pinpad').description('Thin PIN pad tools: the simulator');
  pinpad
    .command('simulate')
    .description('Start the PIN pad simulator; prints {"transport",...where} as one JSON line and serves until SIGINT/SIGTERM')
    .option('--tcp <port>', 'listen on 127.0.0.1:<port> (0: any free port)')
    .option('--pty', 'make a pseudo-terminal pair with socat and print the end the bridge opens')
    .option('--serial <tty>', 'serve on an existing tty (RS-232 adapter, USB CDC-ACM gadget, a pty)')
    .option('--pan <digits>', 'card number of the card presented (a test card)', '4761739001010010')
    .option('--expiry <YYMM>', 'its expiry as on track 2', '2712')
    .option('--service-code <digits>', 'its service code', '201')
    .option('--entry-mode <mode>', 'how it is presented: magstripe, chip or contactless', 'chip')
    .option('--pin <digits>', 'what the cardholder types at a PIN prompt (sent as an ISO 9564 format 0 PIN block under the DUKPT PIN key)', '1234')
    .option('--digits <digits>', 'what the cardholder types at a number prompt', '')
    .option('--serial-number <id>', "the pad's serial number", 'SIM-000001')
    .option('--ksn <hex>', 'the KSN of the first read, 20 hex digits; each read steps the counter', DEFAULT_KSN)
    .option('--bdk-id <id>', "id of the base derivation key, as in the server's CARD_BDKS", DEFAULT_BDK_ID)
    .option('--bdk <hex>', 'the base derivation key, 32 hex digits (default: the public ANSI X9.24 test BDK)', DEFAULT_BDK)
    .action((options: PinPadSimulateOptions) => run(runPinPadSimulate(options, io)));
}
