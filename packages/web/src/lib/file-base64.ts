/** A picked file as it travels to the server: base64 inside a JSON body (every import and evidence upload). */

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
