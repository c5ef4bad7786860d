import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (OWASP's recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Session ids and API tokens are stored only as their SHA-256: a leaked table reveals no secret. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Compared against when an email is unknown, so a sign-in takes as long either way. */
export const DUMMY_PASSWORD_HASH = await hashPassword(randomSecret());
