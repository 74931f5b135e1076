/**
 * import(), in a module of its own: the CLI's build puts the launcher's import() here instead,
 * because code that V8 starts from its code cache cannot import (bin/zkcfg.cjs).
 */
export const importModule = (url: string): Promise<unknown> => import(url);
