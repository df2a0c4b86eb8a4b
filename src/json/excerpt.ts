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
