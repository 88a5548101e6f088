/**
 * Worker task: decode an uploaded document and parse it, within its limits. Runs in a child process
 * (see read-document.ts), so a file that still takes too long or too much memory is stopped there.
 */
import { hasErrors } from "@luoshi/domain";
import { parseDocument } from "@luoshi/domain/parsing";
import { decodeDocument } from "./decode.ts";
import type { DocumentLimits } from "./limits.ts";
import type { ReadDocument } from "./read-document.ts";

interface Input {
  bytes: Uint8Array;
  fileName: string;
  limits: DocumentLimits;
}

function lineCount(text: string, stopAfter: number): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0 && lines <= stopAfter; i = text.indexOf("\n", i + 1)) {
    lines++;
  }
  return lines;
}

export default async function readDocumentTask({ bytes, fileName, limits }: Input): Promise<ReadDocument> {
  const decoded = await decodeDocument(bytes, fileName, limits);
  if (hasErrors(decoded.issues)) {
    return { decoded, parsed: null };
  }
  if (lineCount(decoded.text, limits.maxLines) > limits.maxLines) {
    return {
      decoded: {
        ...decoded,
        text: "",
        issues: [
          {
            code: "text-too-long",
            severity: "error",
            message: `文件“${fileName}”超过 ${String(limits.maxLines)} 行上限（到第 ${String(limits.maxLines + 1)} 行已超出）。请只上传规划正文`,
            where: { file: fileName, line: limits.maxLines + 1 },
          },
        ],
      },
      parsed: null,
    };
  }
  const { meta, nodes, targets, issues } = parseDocument(decoded.text, { maxNodes: limits.maxItems });
  // the cleaned text stays here: only what the importer stores crosses back
  return { decoded, parsed: { meta, nodes, targets, issues } };
}
