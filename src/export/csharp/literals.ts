/**
 * Text that goes into the C# source: string literals, number literals and XML doc comments,
 * each escaped so that no schema text can end the literal or the comment and become code.
 */

/**
 * A regular C# string literal with exactly the UTF-16 units of `text`. Besides `"` and `\`,
 * every character outside printable ASCII is written as `\uXXXX`: C# ends a line (and so an
 * unterminated literal) at CR, LF, U+0085, U+2028 and U+2029, and escaping the rest keeps the
 * file ASCII (lone surrogates included, which a UTF-8 file could not hold).
 */
export function csString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i] as string;
    if (char === '"') out += '\\"';
    else if (char === "\\") out += "\\\\";
    else if (code >= 0x20 && code < 0x7f) out += char;
    else out += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return `${out}"`;
}

/**
 * A C# expression with exactly the double `value` (a finite JSON number). A whole number within
 * ±2^53 is a literal (`5d`); any other goes through the file's exact reader
 * (`CredentialNumber.Parse("0.1")`), because Mono's compiler reads literals with a parser that is
 * not correctly rounded: `1.01754d` compiles one unit in the last place above JSON.parse's value.
 */
export function csDouble(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`internal error: ${value} is not a JSON number`);
  if (Object.is(value, -0)) return "-0d";
  if (Number.isSafeInteger(value)) return `${value}d`;
  return `CredentialNumber.Parse("${String(value)}")`;
}

/** A C# `long` literal, for a safe integer. */
export function csLong(value: number): string {
  if (!Number.isSafeInteger(value))
    throw new Error(`internal error: ${value} is not a safe integer`);
  return `${value}L`;
}

/** Text as XML element content: `&`, `<` and `>` escaped, and what XML 1.0 cannot hold dropped. */
export function xmlText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i] as string;
    if (char === "&") out += "&amp;";
    else if (char === "<") out += "&lt;";
    else if (char === ">") out += "&gt;";
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A pair is kept whole; a lone surrogate (not XML) is dropped.
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += char + (text[i + 1] as string);
        i++;
      }
    } else if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      (code >= 0xdc00 && code <= 0xdfff) ||
      code === 0xfffe ||
      code === 0xffff
    ) {
      // C0 controls other than tab and line breaks, lone low surrogates, U+FFFE/FFFF: not XML.
    } else out += char;
  }
  return out;
}

/**
 * An XML doc comment, every line prefixed with `/// ` at `indent`. `summary` and `remarks` are
 * plain text: XML-escaped, and split at every line break C# knows (CR, LF, CRLF, U+0085, U+2028,
 * U+2029), so that no text continues on a line without `///`. Empty when both are empty.
 */
export function docComment(indent: string, summary: string, remarks = ""): string {
  const lines: string[] = [];
  const section = (tag: string, text: string) => {
    const body = text.split(/\r\n|[\r\n\u0085\u2028\u2029]/).map((line) => xmlText(line).trimEnd());
    while (body.length && body[body.length - 1] === "") body.pop();
    while (body.length && body[0] === "") body.shift();
    if (!body.length) return;
    lines.push(`<${tag}>`, ...body, `</${tag}>`);
  };
  section("summary", summary);
  section("remarks", remarks);
  return (
    lines.map((line) => `${indent}/// ${line}`.trimEnd()).join("\n") + (lines.length ? "\n" : "")
  );
}
