import { runCli } from './cli.program';
import type { CliIo } from './runner/cli-io.types';

/** Operator CLI entry point; `npm run --silent cli -- --help` (apps/cli/bin/cli.launcher.js). */
const io: CliIo = {
  // Lazy: only `encode` reads stdin, and a stdin never touched never holds the process open.
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
};

void runCli(process.argv.slice(2), io).then((code) => {
  // exitCode rather than exit(): lets a piped stdout drain before the process ends.
  process.exitCode = code;
});
