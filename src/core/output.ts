/**
 * A file the core produces: where it goes and its bytes. The core only
 * returns these; `src/io/write-outputs.ts` writes them. Defined here, at the
 * bottom, so the core needs nothing from the layers above it.
 */
export interface OutputFile {
  /** Relative to the workspace root, with forward slashes, e.g. `ut/sone-nord/kalender.ics`. */
  path: string;
  bytes: Uint8Array | string;
}
