import { Readable } from 'node:stream';

import type { CliIo } from '../runner/cli-io.types';

/** In-memory streams for running a command in-process: stdin from text, stdout/stderr captured. */
export class FakeCliIo implements CliIo {
  readonly stdin: Readable;
  out = '';
  err = '';
  readonly stdout = { write: (text: string): boolean => this.capture('out', text) };
  readonly stderr = { write: (text: string): boolean => this.capture('err', text) };

  constructor(stdinText = '') {
    this.stdin = Readable.from([Buffer.from(stdinText, 'utf8')]);
  }

  /** stderr split into lines (the contract is exactly one on failure). */
  errLines(): string[] {
    return this.err.split('\n').filter((line) => line.length > 0);
  }

  private capture(stream: 'out' | 'err', text: string): boolean {
    this[stream] += text;
    return true;
  }
}
