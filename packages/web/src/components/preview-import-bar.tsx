import type { ReactNode } from "react";
import { Button, Space, Upload } from "antd";

/**
 * The controls of an import that is checked before it is applied: choose a file, 预览 (check and show
 * what would change), 导入 (apply). Both buttons wait for a file. Controls the import also needs (a
 * school year, the list's source) sit between the file and the buttons.
 */
export function PreviewImportBar({
  labels,
  hasFile,
  onFile,
  onRun,
  accept = ".xlsx,.csv",
  children,
}: {
  labels: { choose: string; preview: string; apply: string };
  hasFile: boolean;
  /** A file was chosen (it is kept by the caller, never uploaded by the picker itself). */
  onFile: (file: File) => void;
  /** `preview`: check only; otherwise apply. */
  onRun: (preview: boolean) => void;
  accept?: string;
  children?: ReactNode;
}) {
  return (
    <Space wrap>
      <Upload
        accept={accept}
        maxCount={1}
        beforeUpload={(f) => {
          onFile(f);
          return false;
        }}
      >
        <Button>{labels.choose}</Button>
      </Upload>
      {children}
      <Button
        disabled={!hasFile}
        onClick={() => {
          onRun(true);
        }}
      >
        {labels.preview}
      </Button>
      <Button
        type="primary"
        disabled={!hasFile}
        onClick={() => {
          onRun(false);
        }}
      >
        {labels.apply}
      </Button>
    </Space>
  );
}
