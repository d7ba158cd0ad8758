/** espeak-ng compiled by Emscripten (the npm package `espeak-ng`): one run of its command line, with its files. */
declare module 'espeak-ng' {
  interface ESpeakRun {
    FS: { readFile(path: string): Uint8Array };
  }
  const ESpeakNg: (options: { arguments: string[] }) => Promise<ESpeakRun>;
  export default ESpeakNg;
}
