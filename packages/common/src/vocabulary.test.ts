import { describe, expect, it } from "vitest";
import * as vocabulary from "./vocabulary.ts";

describe("vocabularies", () => {
  it.each(Object.entries(vocabulary))("%s has distinct, non-empty values", (_name, values) => {
    expect(values.length).toBeGreaterThan(0);
    expect(new Set(values).size).toBe(values.length);
  });
});
