import type { FieldError } from "./api.ts";

/** What antd's `form.setFields` takes for one field. */
export interface FormFieldErrors<K extends string> {
  name: K;
  errors: string[];
}

/** Where a request part came from, as the server prefixes its field paths (`body.login`). */
const SOURCE_PREFIX = /^(?:body|querystring|params)(?:\.|$)/;

/** `body.units.0.orgUnitId` → `units.0.orgUnitId`; paths without a source prefix stay as they are. */
export function stripSourcePrefix(path: string): string {
  return path.replace(SOURCE_PREFIX, "");
}

/**
 * Turns the server's `details.fields` (`{path: "body.orgUnitId", message}`, nested paths dotted, a leading
 * `body.`/`querystring.`/`params.` naming the request part) into
 * antd form field errors, one entry per field with all its messages. Fields the form does not know
 * are returned in `unknown` so the caller can show them in the form's alert instead.
 */
export function toFormErrors<K extends string>(
  fields: readonly FieldError[],
  known: readonly K[],
): { fields: FormFieldErrors<K>[]; unknown: string[] } {
  const isKnown = (path: string): path is K => (known as readonly string[]).includes(path);
  const byPath = new Map<K, string[]>();
  const unknown: string[] = [];
  for (const field of fields) {
    const top = stripSourcePrefix(field.path).split(".")[0] ?? "";
    if (!isKnown(top)) {
      unknown.push(field.message);
      continue;
    }
    const list = byPath.get(top) ?? [];
    list.push(field.message);
    byPath.set(top, list);
  }
  return { fields: [...byPath].map(([name, errors]) => ({ name, errors })), unknown };
}
