import { parsePointer } from "../../json/pointer.ts";

/** A stretch of the text: offsets from (inclusive) to (exclusive). */
export interface TextSpan {
  readonly from: number;
  readonly to: number;
}

export interface PointerLocation {
  /** The value the pointer names, or its deepest ancestor in the text when it names nothing. */
  readonly value: TextSpan;
  /** The quoted property name whose value that is, when it is an object member. */
  readonly key?: TextSpan;
  /** False when the pointer goes further than the text does (then `value` is the ancestor). */
  readonly exact: boolean;
}

/**
 * Where the value at a JSON pointer is written in a JSON text, so that a problem the importer
 * reports at a pointer can be marked in the text. The text must be valid JSON (it was parsed
 * before it was imported); a malformed pointer gives undefined. One pass, no value is built:
 * siblings before the wanted member are skipped, so a 5 MB text costs one scan at most.
 */
export function locatePointer(text: string, pointer: string): PointerLocation | undefined {
  let tokens: string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    return undefined;
  }
  let start = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (start >= text.length) return undefined;
  let key: TextSpan | undefined;
  for (const token of tokens) {
    const child =
      text[start] === "{"
        ? findMember(text, start, token)
        : text[start] === "["
          ? findItem(text, start, token)
          : undefined;
    if (!child)
      return {
        value: { from: start, to: valueEnd(text, start) },
        ...(key && { key }),
        exact: false,
      };
    start = child.value;
    key = child.key;
  }
  return { value: { from: start, to: valueEnd(text, start) }, ...(key && { key }), exact: true };
}

/** The member named `name` of the object at `open`: where its value starts and where its name is. */
function findMember(
  text: string,
  open: number,
  name: string,
): { value: number; key: TextSpan } | undefined {
  let i = skipWhitespace(text, open + 1);
  while (text[i] === '"') {
    const keyEnd = stringEnd(text, i);
    const raw = text.slice(i + 1, keyEnd - 1);
    const memberName = raw.includes("\\") ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
    const value = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past the ':'
    if (memberName === name) return { value, key: { from: i, to: keyEnd } };
    i = skipWhitespace(text, valueEnd(text, value));
    if (text[i] !== ",") return undefined;
    i = skipWhitespace(text, i + 1);
  }
  return undefined;
}

/** Where the item at index `token` of the array at `open` starts. */
function findItem(
  text: string,
  open: number,
  token: string,
): { value: number; key: undefined } | undefined {
  if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
  const index = Number(token);
  let i = skipWhitespace(text, open + 1);
  if (text[i] === "]") return undefined;
  for (let n = 0; ; n++) {
    if (n === index) return { value: i, key: undefined };
    i = skipWhitespace(text, valueEnd(text, i));
    if (text[i] !== ",") return undefined;
    i = skipWhitespace(text, i + 1);
  }
}

/** The offset just after the value that starts at `start`. */
function valueEnd(text: string, start: number): number {
  const c = text[start];
  if (c === '"') return stringEnd(text, start);
  if (c === "{" || c === "[") {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const d = text[i];
      if (d === '"') i = stringEnd(text, i) - 1;
      else if (d === "{" || d === "[") depth++;
      else if ((d === "}" || d === "]") && --depth === 0) return i + 1;
    }
    return text.length;
  }
  let i = start;
  while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  return i;
}

/** The offset just after the closing quote of the string whose opening quote is at `open`. */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === '"') return i + 1;
  }
  return text.length;
}

function skipWhitespace(text: string, i: number): number {
  while (
    i < text.length &&
    (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")
  )
    i++;
  return i;
}
