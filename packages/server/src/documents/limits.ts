/**
 * Bounds on one uploaded policy document. An honest plan is a few hundred KB of text with at most a
 * few hundred numbered items; a hostile or broken file (a zip bomb, a million headings, a thousand-page
 * PDF, ten thousand nested <div>) must be refused quickly with a message, never stall the server. Every
 * bound is configurable (see `LUOSHI_DOCUMENT_*` in config.ts and docs/plan-import.md).
 */
import { DEFAULT_PARSE_LIMITS } from "../workers/run-in-worker.ts";

export interface DocumentLimits {
  /** Size of the uploaded file. */
  maxBytes: number;
  /** Total size of a .docx's parts once decompressed (the zip's own sizes, and counted while inflating). */
  maxUnzippedBytes: number;
  /** Pages of a PDF. */
  maxPdfPages: number;
  /** Characters of decoded text. */
  maxTextChars: number;
  /** Lines of decoded text. */
  maxLines: number;
  /** Numbered items (nodes) of one draft plan. */
  maxItems: number;
  /** Elements open inside one another in an HTML page. */
  maxHtmlDepth: number;
  /** Wall-clock limit for decoding and parsing one file (in a child process). */
  timeoutMs: number;
  /** Heap ceiling of that child process. */
  maxHeapMb: number;
}

/** Upload limit: larger files are refused before any decoding. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The limits luoshi runs with unless configured otherwise. */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxBytes: MAX_DOCUMENT_BYTES,
  maxUnzippedBytes: 64 * 1024 * 1024,
  maxPdfPages: 500,
  maxTextChars: 5_000_000,
  maxLines: 100_000,
  maxItems: 5_000,
  maxHtmlDepth: 256,
  timeoutMs: 30_000,
  maxHeapMb: DEFAULT_PARSE_LIMITS.maxHeapMb,
};
