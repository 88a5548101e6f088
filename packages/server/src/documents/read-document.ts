/**
 * Uploaded bytes → decoded text and parsed plan, off the request thread: {@link readDocument} runs
 * decoding and parsing in a child process with the time limit and heap ceiling of its
 * {@link DocumentLimits}, so that no upload can stall the server or end the process.
 */
import type { ParsedDocument } from "@luoshi/domain/parsing";
import { runInWorker } from "../workers/run-in-worker.ts";
import type { DecodedDocument } from "./decode.ts";
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from "./limits.ts";

/** The decoded document and, when it decoded without errors, what the parser made of it. */
export interface ReadDocument {
  decoded: DecodedDocument;
  parsed: ParsedDocument | null;
}

const TASK = new URL("./read-document.worker.ts", import.meta.url);

/**
 * Decodes and parses `bytes` in a child process. Unreadable input comes back as error issues (see
 * decodeDocument; parse errors such as `too-many-items` in `parsed.issues`); a file that runs past the
 * time limit or heap ceiling throws a `too-complex` AppError naming the file.
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
): Promise<ReadDocument> {
  return runInWorker<ReadDocument>(TASK, { bytes, fileName, limits }, `文件“${fileName}”`, {
    timeoutMs: limits.timeoutMs,
    maxHeapMb: limits.maxHeapMb,
  });
}
