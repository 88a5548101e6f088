export * from "./entropy.ts";
export * from "./rfc3797.ts";
export * from "./draw.ts";
