import { JsonSyntaxProblem } from "../json/problem.ts";
import { lineColumnAt } from "./parse-json.ts";

/**
 * A schema file's bytes as text, decoded as strict UTF-8 (a UTF-8 byte order mark is kept for
 * the JSON parser to skip). UTF-16 text, or bytes that are not UTF-8, throw a JsonSyntaxProblem
 * at the line:column of the first bad byte: the CLI and the designer's import read files alike.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new JsonSyntaxProblem(
      1,
      1,
      0,
      "the file is UTF-16 text; JSON files are UTF-8",
      "save the file as UTF-8",
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, bad));
    const { line, column } = lineColumnAt(before, before.length);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    throw new JsonSyntaxProblem(
      line,
      column,
      before.length,
      `the file is not valid UTF-8 text (byte 0x${byte})`,
      "save the file as UTF-8",
    );
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + length > bytes.length) return i;
    let cp = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += length;
  }
  return i;
}
