import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Measurement } from '../codec.measure';

/**
 * Runs jPOS (Maven Central org.jpos:jpos:2.1.9) on the codec benchmark's message. The first run
 * copies jPOS and its runtime classpath into tmp/jpos/libs with `mvn dependency:copy-dependencies`
 * (pom.xml beside this file) and compiles JposCodecBench.java into tmp/jpos/classes; later runs
 * reuse both. tmp/ is ignored by git.
 */
export interface JposMeasurement extends Measurement {
  /** jPOS packed the message it unpacked from the codec's bytes back to the same bytes. */
  readonly sameBytes: boolean;
  readonly java: string;
}

/** The jPOS harness, or the reason it cannot run (no Java, no Maven, Maven Central unreachable). */
export type JposHarness =
  { readonly run: (packager: string, wire: Buffer, warmupSeconds: number, seconds: number) => JposMeasurement } | { readonly unavailable: string };

export function prepareJpos(repoRoot: string): JposHarness {
  const source = join(repoRoot, 'test', 'bench', 'jpos');
  const work = join(repoRoot, 'tmp', 'jpos');
  const libs = join(work, 'libs');
  const classes = join(work, 'classes');
  try {
    if (!existsSync(join(libs, 'jpos-2.1.9.jar'))) {
      const pom = join(source, 'pom.xml');
      const args = ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${libs}`];
      const mvn = spawnSync('mvn', args, { encoding: 'utf8', timeout: 300_000 });
      if (mvn.error) return { unavailable: `Maven could not be started (${mvn.error.message})` };
      if (mvn.status !== 0) return { unavailable: `Maven could not fetch org.jpos:jpos:2.1.9: ${lastLines(mvn.stdout + mvn.stderr)}` };
    }
    const java = join(source, 'JposCodecBench.java');
    const compiled = join(classes, 'JposCodecBench.class');
    if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(java).mtimeMs) {
      mkdirSync(classes, { recursive: true });
      execFileSync('javac', ['-d', classes, '-cp', classpath(libs), java], { stdio: 'pipe' });
    }
  } catch (error) {
    return { unavailable: `the jPOS harness could not be built (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  const cp = `${classpath(libs)}:${classes}`;
  return {
    run: (packager, wire, warmupSeconds, seconds) => {
      const out = execFileSync(
        'java',
        ['-cp', cp, 'JposCodecBench', `org.jpos.iso.packager.${packager}`, wire.toString('hex'), String(warmupSeconds), String(seconds)],
        {
          encoding: 'utf8',
        },
      );
      return JSON.parse(out.trim().split('\n').pop() as string) as JposMeasurement;
    },
  };
}

/** The jars one by one: a 'libs/*' wildcard would also do, but this fails early on an empty folder. */
function classpath(libs: string): string {
  const jars = readdirSync(libs).filter((f) => f.endsWith('.jar'));
  if (jars.length === 0) throw new Error(`no jars in ${libs}`);
  return jars.map((f) => join(libs, f)).join(':');
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' / ') || 'no output';
}
