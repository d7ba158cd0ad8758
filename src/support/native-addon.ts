import { UserError } from './errors.js';

/**
 * How Node and better-sqlite3 say its compiled engine could not be loaded: the file is missing (`bindings` when
 * unbundled, a require by path when bundled), built for another Node, or no library for this machine at all. The
 * loader names the addon's file in each, and the text survives when another error wraps it.
 */
const SIGNS = [
  /better_sqlite3\.node/,
  /Could not locate the bindings file/,
  /NODE_MODULE_VERSION \d+/,
  /invalid ELF header/,
];

/** True for the error of a missing or mismatched better-sqlite3 addon, as thrown or as wrapped in another message. */
export function isNativeAddonError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as NodeJS.ErrnoException).code === 'ERR_DLOPEN_FAILED' || SIGNS.some((sign) => sign.test(error.message));
}

/** The one line to say instead of the loader's many, or undefined when the error is about something else. */
export function nativeAddonProblem(error: unknown): UserError | undefined {
  if (!isNativeAddonError(error)) return undefined;
  return new UserError(`the SQLite engine is not built for this Node (${process.version}); run npm rebuild better-sqlite3`);
}
