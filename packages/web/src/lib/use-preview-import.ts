import { useState } from "react";
import { errorText } from "./error-text.ts";

/**
 * The state of an import that is checked before it is applied: the chosen file, the last answer
 * (preview or applied) and the error to show. Choosing another file forgets the previous answer;
 * `onApplied` runs once an import has been applied (to reload what it changed).
 */
export function usePreviewImport<R extends { applied: boolean }>(
  send: (file: File, preview: boolean) => Promise<R>,
  onApplied: (result: R) => Promise<unknown>,
) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chooseFile = (f: File) => {
    setFile(f);
    setResult(null);
  };
  const run = (preview: boolean) => {
    if (file === null) {
      return;
    }
    setError(null);
    send(file, preview)
      .then(async (r) => {
        setResult(r);
        if (r.applied) {
          await onApplied(r);
        }
      })
      .catch((e: unknown) => {
        setResult(null);
        setError(errorText(e, (_k, text) => text));
      });
  };
  return { hasFile: file !== null, result, error, chooseFile, run };
}
