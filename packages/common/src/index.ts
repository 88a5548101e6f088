/**
 * @luoshi/common: what the domain, the contracts, the server and the web all need and must compute the
 * same way. Pure: no I/O, no clock, no dependencies, so that it runs in the browser as on the server. The
 * verifiable draw is the one exception, on its own path (`@luoshi/common/draw`): it needs SHA-256 and HKDF.
 */
export * from "./rounding.ts";
export * from "./china-time.ts";
export * from "./csv.ts";
export * from "./vocabulary.ts";
export * from "./working-days.ts";
export * from "./china-holidays.ts";
export * from "./national-codes.ts";
