import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the .proto files live, relative to the repository root (and to /app in the image). */
const PROTO_ROOT = join('libs', 'contracts', 'proto');

/**
 * Finds libs/contracts/proto from wherever the code runs (sources under jest, dist/ after a build,
 * /app in the container image) by walking up to the folder that holds `file`. Imports inside the
 * protos resolve against it, as protoc's -I does.
 */
export function locateProtoRoot(file: string, from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, PROTO_ROOT);
    if (existsSync(join(candidate, file))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${file} not found in ${PROTO_ROOT} above ${from}`);
    dir = parent;
  }
}
