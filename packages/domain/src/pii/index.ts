export * from "./mask.ts";
export * from "./id-number.ts";
