import type * as PgliteModule from '@electric-sql/pglite';

let freshCluster: Promise<Blob> | undefined;

/**
 * A freshly initialised PGlite cluster as a tarball, made once per process. initdb takes about
 * 2 s per database, loading this tarball about 0.6 s: the embedded host opens one database per
 * service, and the tests open many.
 */
export function freshClusterTarball(PGlite: typeof PgliteModule.PGlite): Promise<Blob> {
  freshCluster ??= (async () => {
    const template = await PGlite.create();
    try {
      return await template.dumpDataDir('none');
    } finally {
      await template.close();
    }
  })();
  freshCluster.catch(() => (freshCluster = undefined));
  return freshCluster;
}
