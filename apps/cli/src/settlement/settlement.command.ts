import type { CliIo } from '../runner/cli-io.types';
import { runCommand } from '../runner/cli-command.runner';
import { toErrorLine } from '../runner/error-line.util';
import { CliUsageError, USAGE_EXIT_CODE } from './cli-usage.error';
import { sendOperatorRequest, type OperatorRequest } from './operator-api.client';
import { operatorConnectionOf } from './operator-connection';

/**
 * Runs one `settlement` command: its options and the connection are checked first (a bad one:
 * one `error:` line naming it, exit 2, no request); then the API's JSON answer as one line on
 * stdout and exit 0, or one `error:` line and exit 1 (an error answer, an API out of reach).
 */
export async function runSettlementCommand(
  io: CliIo,
  env: NodeJS.ProcessEnv,
  urlOption: string | undefined,
  requestOf: () => OperatorRequest | Promise<OperatorRequest>,
): Promise<number> {
  let request: OperatorRequest;
  let connection: ReturnType<typeof operatorConnectionOf>;
  try {
    request = await requestOf();
    connection = operatorConnectionOf(urlOption, env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr.write(`${toErrorLine(error)}\n`);
    return USAGE_EXIT_CODE;
  }
  return runCommand(io, () => sendOperatorRequest(connection, request));
}
