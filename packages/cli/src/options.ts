import type { z } from "zod";
import { AppError } from "@luoshi/server";

/** `ruleSet` → `rule-set`: options as the user typed them. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Validates a command's options with zod; a problem names the option. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    // An option's problem names the option; a rule over several options stands alone.
    const lines = parsed.error.issues.map((i) =>
      i.path.length === 0 ? i.message : `--${i.path.map((p) => kebab(String(p))).join(".")}：${i.message}`,
    );
    throw new AppError("validation-failed", `参数有误：\n  ${lines.join("\n  ")}`);
  }
  return parsed.data;
}
