/** The file a person picks for 导入文件: which ones we take, and how they travel (base64 in JSON). */

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

/** `data:text/plain;base64,AAAA` → `AAAA` (an empty file's data URL has nothing after the comma). */
export function dataUrlToBase64(dataUrl: string): string {
  const comma = dataUrl.indexOf(",");
  return comma < 0 ? "" : dataUrl.slice(comma + 1);
}

/** Reads a file as base64 with FileReader (native encoding; no string building for 20 MB). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === "string" ? dataUrlToBase64(reader.result) : "");
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error("file read failed"));
    };
    reader.readAsDataURL(file);
  });
}
