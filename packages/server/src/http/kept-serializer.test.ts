import { describe, expect, it } from "vitest";
import { z } from "zod";
import { keptSerializerCompiler } from "./kept-serializer.ts";

const Result = z.object({ n: z.number() });
const serialize = keptSerializerCompiler({ schema: Result, method: "GET", url: "/x", httpStatus: "200" });

describe("keptSerializerCompiler", () => {
  it("checks and serialises a response that is not frozen every time", () => {
    const data = { n: 1 };
    expect(serialize(data)).toBe('{"n":1}');
    data.n = 2;
    expect(serialize(data)).toBe('{"n":2}');
    // the check still runs: a response outside the schema is refused
    expect(() => serialize({ n: "one" })).toThrow();
  });

  it("keeps the JSON of a frozen response, after checking it once", () => {
    let reads = 0;
    const data = Object.freeze({
      get n() {
        reads++;
        return 1;
      },
    });
    expect(serialize(data)).toBe('{"n":1}');
    expect(serialize(data)).toBe('{"n":1}');
    expect(reads).toBe(1);
    expect(() => serialize(Object.freeze({ n: "one" }))).toThrow();
    // another frozen object with other content is its own
    expect(serialize(Object.freeze({ n: 3 }))).toBe('{"n":3}');
  });
});
