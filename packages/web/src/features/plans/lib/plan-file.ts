/** The file a person picks for 导入文件: which ones we take (it travels as base64 in JSON, lib/file-base64.ts). */

/** The largest file the server takes, before base64 (20 MB). */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

/** The kinds of document the importer reads, for the file picker's `accept`. */
export const PLAN_FILE_ACCEPT = ".txt,.html,.htm,.docx,.doc,.wps,.xlsx,.pdf";

/** Why a picked file cannot be sent, or null when it may go. */
export type PlanFileProblem = "type" | "empty" | "size" | null;

/** Checks a file before reading it: the server checks again, but a 30 MB PDF should not travel first. */
export function planFileProblem(file: { name: string; size: number }): PlanFileProblem {
  if (!/\.(txt|html?|docx|doc|wps|xlsx|pdf)$/i.test(file.name)) {
    return "type";
  }
  if (file.size === 0) {
    return "empty";
  }
  return file.size > MAX_PLAN_FILE_BYTES ? "size" : null;
}
