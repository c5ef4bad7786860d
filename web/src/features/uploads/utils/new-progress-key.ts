/**
 * A random key to follow a check or a publish by on the server: 32 hexadecimal digits, unguessable (crypto.randomUUID
 * would do, but needs a secure context).
 */
export function newProgressKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
