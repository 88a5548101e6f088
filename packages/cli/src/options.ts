import type { z } from "zod";
import { AppError } from "@luoshi/server";

/** Validates a command's options with zod; a problem names the option. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `--${i.path.join(".")}：${i.message}`);
    throw new AppError("validation-failed", `参数有误：\n  ${lines.join("\n  ")}`);
  }
  return parsed.data;
}
