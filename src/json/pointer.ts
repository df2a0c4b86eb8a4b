/** RFC 6901 JSON pointers: how every error and finding says *where*. */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function appendPointer(pointer: string, ...tokens: Array<string | number>): string {
  return pointer + tokens.map((token) => `/${escapePointerToken(token)}`).join("");
}

export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/"))
    throw new Error(`"${pointer}" is not a JSON pointer: it must be empty or start with "/"`);
  return pointer.slice(1).split("/").map(unescapePointerToken);
}

/** A pointer as users read it in messages: the root is shown as "/" rather than "". */
export function displayPointer(pointer: string): string {
  return pointer === "" ? "/" : pointer;
}
