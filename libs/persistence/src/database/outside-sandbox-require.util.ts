import { Module } from 'node:module';

interface NodeModuleLoader {
  _load(request: string, parent: null, isMain: boolean): unknown;
}

/**
 * Loads a package with Node's own CommonJS loader. PGlite's Emscripten glue calls
 * `import('node:module')` and `import('fs/promises')`; jest runs CommonJS code in a vm sandbox
 * that rejects dynamic import() (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG) unless node runs
 * with --experimental-vm-modules. Jest's `module` shim keeps Node's static `Module._load`, so
 * this keeps PGlite (and its adapter, which must share PGlite's classes) outside the sandbox.
 * In a plain Node process it is the same as `require`.
 */
export function requireOutsideSandbox<T>(id: string): T {
  return (Module as unknown as NodeModuleLoader)._load(require.resolve(id), null, false) as T;
}
