/**
 * A read model whose module is loaded on its first call, so a command loads only the ones it reads (their SQL and the
 * domain code they rank and date with). Every read model method is async, so the wait for the module is hidden in it.
 * Shared by the engines.
 */
export function loadedOnFirstUse<T extends object>(load: () => Promise<T>): T {
  let loading: Promise<T> | undefined;
  return new Proxy({} as T, {
    get: (_, method) =>
      method === 'then' ? undefined : (...args: unknown[]) => (loading ??= load()).then((model) => (model as Record<PropertyKey, (...a: unknown[]) => unknown>)[method]!(...args)),
  });
}
