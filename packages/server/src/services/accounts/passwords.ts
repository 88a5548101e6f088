import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { passwordFromBytes } from "@luoshi/domain/auth";

/** argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, 2 passes. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Verifies a password against an argon2 hash; false on any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A fresh random password that meets the policy (for new accounts, resets and demo logins). */
export function generatePassword(): string {
  return passwordFromBytes(randomBytes(14));
}

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the login is unknown, so timing does not tell which logins exist. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(generatePassword());
  return dummyHash;
}
