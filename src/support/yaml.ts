import { createRequire } from 'node:module';

/**
 * Set by scripts/build.mjs to the file, beside the chunks in dist/, that holds the yaml package bundled on its own.
 * Not declared when the source runs (the unit tests), so `typeof` says 'undefined' and the package comes from
 * node_modules.
 */
declare const YAML_BUNDLE: string;

type Yaml = typeof import('yaml');

let loaded: Yaml | undefined;

/**
 * The yaml package, loaded on first use. The built-in guides ship compiled to JSON (scripts/build.mjs), so only a
 * command that reads one of the organizer's own templates pays for loading yaml (a fifth of `log`'s run before).
 * It is required synchronously because finding a template is synchronous; bundled on its own (one file, like a
 * chunk), it loads about three times faster than from node_modules' 70 files.
 */
export function yaml(): Yaml {
  loaded ??= createRequire(import.meta.url)(typeof YAML_BUNDLE === 'string' ? YAML_BUNDLE : 'yaml') as Yaml;
  return loaded;
}
