import type { Command } from 'commander';

import type { CliIo } from '../runner/cli-io.types';
import { EMBEDDED_TERMINAL_URL, runTerminalRequest, type TerminalRequestOptions } from './terminal-request.command';

const HELP = `
The terminal API is --url, else $PAYMENTS_TERMINAL_URL, else ${EMBEDDED_TERMINAL_URL} (the embedded mode).
Signed as apps/agents-billing/README.md ("A kiosk's payment") describes; the key file is read, never printed.
Exit: 0 and {"status","body"} as one line for a 2xx answer; 1 and one "error: ..." line with the same JSON
otherwise; 2 for a bad or missing option.`;

/** `agents terminal-request`: a request signed as an agent's terminal, for integrators. */
export function addTerminalRequestCommand(agents: Command, io: CliIo, env: NodeJS.ProcessEnv, run: (command: Promise<number>) => Promise<void>): void {
  agents
    .command('terminal-request')
    .description("Send a request to the agents' terminal API signed with a terminal's Ed25519 key, or print it as a curl command")
    .requiredOption('--key <pem file>', "the terminal's Ed25519 private key (PEM, PKCS#8)")
    .requiredOption('--terminal <id>', "the terminal's id, as registered")
    .requiredOption('--path <path>', 'the path with its query, e.g. /v1/agent-terminal/balance')
    .option('--method <method>', 'GET or POST', 'GET')
    .option('--body <json>', 'the JSON body of a POST, signed and sent byte for byte (default {})')
    .option('--idempotency-key <key>', 'the Idempotency-Key of a payment (8-64 letters, digits or _ . : -)')
    .option('--url <url>', 'the terminal API (see below)')
    .option('--curl', 'print the signed request as a curl command instead of sending it')
    .addHelpText('after', HELP)
    .action((options: TerminalRequestOptions) => run(runTerminalRequest(options, io, env)));
}
