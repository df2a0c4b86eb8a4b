/** How many characters of a value a message quotes at most. */
export const EXCERPT_LENGTH = 60;

/**
 * A value as a message quotes it: JSON-quoted, and when longer than `max` characters cut to its
 * first `max` with its length, `"aaaa…"… (1,048,576 characters)`, so that no message echoes a
 * megabyte (a pattern, an unknown format). A surrogate pair is never split. A value that is not
 * a string is shown as its JSON text, cut the same way.
 */
export function quoteExcerpt(value: unknown, max: number = EXCERPT_LENGTH): string {
  if (typeof value !== "string") {
    const json = String(JSON.stringify(value));
    return json.length <= max
      ? json
      : `${cut(json, max)}… (${count(json.length)} characters of JSON)`;
  }
  if (value.length <= max) return JSON.stringify(value);
  return `${JSON.stringify(cut(value, max))}… (${count(value.length)} characters)`;
}

function cut(text: string, max: number): string {
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * {@link quoteExcerpt} for text a message shows as written, between plain double quotes (a
 * pattern, whose backslashes JSON would double): `"^\d+$"`, or `"aaaa…"… (1,048,576 characters)`.
 */
export function quoteExcerptAsWritten(text: string, max: number = EXCERPT_LENGTH): string {
  if (text.length <= max) return `"${text}"`;
  return `"${cut(text, max)}"… (${count(text.length)} characters)`;
}

/** How many characters of one pointer token, and of a whole pointer, a message shows at most. */
export const POINTER_TOKEN_EXCERPT = 30;
export const POINTER_EXCERPT = 120;
/** How many tokens at each end a cut pointer keeps. */
const POINTER_ENDS = 3;

/**
 * A JSON pointer as a message shows it, never a kilobyte: each token longer than 30 characters is
 * cut to its first 30 and "…", and a pointer still longer than 120 characters (hundreds of levels
 * deep) keeps its first and last three tokens around "/…". Short pointers, and anything that is
 * not a pointer (a line:column), are shown as they are. Deterministic, so that `check` and
 * `export` show the same place the same way.
 */
export function excerptPointer(pointer: string): string {
  if (pointer.length <= POINTER_EXCERPT || !pointer.startsWith("/")) return pointer;
  const tokens = pointer
    .slice(1)
    .split("/")
    .map((token) =>
      token.length <= POINTER_TOKEN_EXCERPT ? token : `${cut(token, POINTER_TOKEN_EXCERPT)}…`,
    );
  const shortened = `/${tokens.join("/")}`;
  if (shortened.length <= POINTER_EXCERPT || tokens.length <= 2 * POINTER_ENDS) return shortened;
  return `/${[...tokens.slice(0, POINTER_ENDS), "…", ...tokens.slice(-POINTER_ENDS)].join("/")}`;
}

/** Text shown without quotes (a title in parentheses), cut like {@link quoteExcerpt}: `Aaaa…… (1,000 characters)`. */
export function excerptText(text: string, max: number = EXCERPT_LENGTH): string {
  return text.length <= max ? text : `${cut(text, max)}… (${count(text.length)} characters)`;
}
