/**
 * Bounds on reading one uploaded spreadsheet (statistics, unit registry): how far a file may expand
 * before it is refused. A hostile or broken file — a zip bomb, millions of rows, one giant shared
 * string, deeply nested XML — is stopped while it is being read, never after it has filled the memory.
 * The defaults admit a province's full statistics year with room to spare; the server's configuration
 * (config.ts, `LUOSHI_IMPORT_*`) may change them.
 */
export interface FileLimits {
  /** All parts of an .xlsx together, once decompressed. */
  maxUnzippedBytes: number;
  /** Parts (files) inside an .xlsx. */
  maxZipEntries: number;
  /** Data rows, all sheets together (a CSV's lines). */
  maxRows: number;
  /** Cells, all sheets together, counted as each row's width up to its last filled cell. */
  maxCells: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Depth of XML elements inside one part (a worksheet needs 6). */
  maxXmlDepth: number;
}

export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxUnzippedBytes: 400 * 1024 * 1024,
  maxZipEntries: 2000,
  maxRows: 300_000,
  maxCells: 15_000_000,
  maxCellChars: 32_767,
  maxXmlDepth: 64,
};
