const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A fresh node id. Random rather than counted so that ids made in two sessions (or two tabs)
 * never collide; `getRandomValues` exists in Node and in every browser, secure context or not.
 */
export function newId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let id = "n";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
