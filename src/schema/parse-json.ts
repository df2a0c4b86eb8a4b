import { JsonSyntaxProblem } from "../json/problem.ts";
import type { JsonValue } from "../json/value.ts";

/**
 * Strict JSON parsing with a precise, engine-independent diagnosis.
 *
 * A small validating scanner walks the text first: it accepts exactly the texts `JSON.parse`
 * accepts, and on the first problem throws a {@link JsonSyntaxProblem} with the 1-based
 * line:column, what is wrong and how to fix it (engines' own messages differ and often give only
 * an offset). It also refuses what `JSON.parse` silently accepts but loses data on: a key that
 * occurs twice in one object, and a number too large to represent. `JSON.parse` then builds the
 * value (fast on megabyte texts); it keeps `__proto__` keys as ordinary own properties.
 *
 * A leading byte order mark is ignored. Columns count UTF-16 code units (as editors and compilers
 * do), a tab counts as one; `\n`, `\r\n` and a lone `\r` each end a line.
 *
 * Messages never quote string contents (they may be secrets); they quote property names, short
 * and escaped, and single offending characters.
 */
export function parseJsonText(text: string): JsonValue {
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  new Scanner(text, start).scan();
  try {
    return JSON.parse(start === 0 ? text : text.slice(start)) as JsonValue;
  } catch {
    // Unreachable while the scanner accepts exactly what JSON.parse accepts. The engine's message
    // is not shown: some engines quote the text, which may hold secrets.
    const { line, column } = lineColumnAt(text, start);
    throw new JsonSyntaxProblem(
      line,
      column,
      start,
      "the text is not valid JSON",
      "check it with a JSON validator",
    );
  }
}

/** The 1-based line and column of a character offset, as {@link parseJsonText} reports them. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const bom = text.charCodeAt(0) === BOM ? 1 : 0;
  let line = 1;
  let lineStart = bom;
  const end = Math.min(offset, text.length);
  for (let k = bom; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: Math.max(1, offset - lineStart + 1) };
}

/** How many closing brackets a "the text ends before the JSON is complete" fix spells out. */
const MAX_CLOSERS = 24;

const BOM = 0xfeff;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22; // "
const APOSTROPHE = 0x27; // '
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACE = 0x7d; // }
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const LOWER_U = 0x75;

interface Frame {
  /** `{` or `[`. */
  readonly open: number;
  /** Offset of the opening bracket. */
  readonly offset: number;
  /** Property name -> offset of its first occurrence (objects only, created on the first key). */
  keys: Map<string, number> | undefined;
  lastKey: string;
}

const WORD_HINTS: Record<string, { problem: string; fix: string }> = {
  True: { problem: "'True' is not a JSON value: JSON literals are lowercase", fix: "write true" },
  TRUE: { problem: "'TRUE' is not a JSON value: JSON literals are lowercase", fix: "write true" },
  False: {
    problem: "'False' is not a JSON value: JSON literals are lowercase",
    fix: "write false",
  },
  FALSE: {
    problem: "'FALSE' is not a JSON value: JSON literals are lowercase",
    fix: "write false",
  },
  Null: { problem: "'Null' is not a JSON value: JSON literals are lowercase", fix: "write null" },
  NULL: { problem: "'NULL' is not a JSON value: JSON literals are lowercase", fix: "write null" },
  None: { problem: "'None' is not a JSON value", fix: "write null" },
  nil: { problem: "'nil' is not a JSON value", fix: "write null" },
  undefined: {
    problem: "'undefined' is not a JSON value",
    fix: "write null, or remove the property",
  },
  NaN: { problem: "'NaN' is not allowed in JSON", fix: "write null, or a string" },
  Infinity: {
    problem: "'Infinity' is not allowed in JSON",
    fix: "write a finite number, null, or a string",
  },
};

class Scanner {
  private readonly n: number;
  private readonly stack: Frame[] = [];
  /** Set by {@link string} when the string it scanned holds an escape. */
  private sawEscape = false;

  constructor(
    private readonly text: string,
    private readonly start: number,
  ) {
    this.n = text.length;
  }

  scan(): void {
    const { text, n, stack } = this;
    let i = this.skipWs(this.start);
    if (i >= n) {
      this.fail(
        this.start,
        this.start === n
          ? this.start === 0
            ? "the file is empty"
            : "the file is empty (it holds only a byte order mark)"
          : "the file holds only whitespace",
        "put a JSON value in it, e.g. {}",
      );
    }
    let expectValue = true;
    for (;;) {
      if (expectValue) {
        i = this.skipWs(i);
        if (i >= n) this.failEnd();
        const c = text.charCodeAt(i);
        if (c === OPEN_BRACE) {
          const frame: Frame = { open: OPEN_BRACE, offset: i, keys: undefined, lastKey: "" };
          stack.push(frame);
          i = this.skipWs(i + 1);
          if (text.charCodeAt(i) === CLOSE_BRACE) {
            stack.pop();
            i++;
            expectValue = false;
          } else {
            i = this.key(i, frame);
          }
        } else if (c === OPEN_BRACKET) {
          stack.push({ open: OPEN_BRACKET, offset: i, keys: undefined, lastKey: "" });
          i = this.skipWs(i + 1);
          if (text.charCodeAt(i) === CLOSE_BRACKET) {
            stack.pop();
            i++;
            expectValue = false;
          }
        } else if (c === QUOTE) {
          i = this.string(i);
          expectValue = false;
        } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
          i = this.number(i);
          expectValue = false;
        } else if (isWordChar(c)) {
          i = this.word(i);
          expectValue = false;
        } else {
          this.unexpectedValue(i);
        }
        continue;
      }

      i = this.skipWs(i);
      const top = stack[stack.length - 1];
      if (!top) {
        if (i < n) this.unexpectedAfterEnd(i);
        return;
      }
      if (i >= n) this.failEnd();
      const c = text.charCodeAt(i);
      const close = top.open === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      if (c === COMMA) {
        const comma = i;
        i = this.skipWs(i + 1);
        const next = text.charCodeAt(i);
        if (next === CLOSE_BRACE || next === CLOSE_BRACKET) {
          this.fail(
            i,
            `unexpected '${String.fromCharCode(next)}' after a comma: trailing commas are not allowed in JSON`,
            `remove the comma at ${this.where(comma)}`,
          );
        }
        if (top.open === OPEN_BRACE) i = this.key(i, top);
        expectValue = true;
      } else if (c === close) {
        stack.pop();
        i++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.fail(
          i,
          `unexpected '${String.fromCharCode(c)}': the '${String.fromCharCode(top.open)}' opened at ${this.where(top.offset)} is not closed yet`,
          `close it with '${String.fromCharCode(close)}' first, or remove this '${String.fromCharCode(c)}'`,
        );
      } else if (top.open === OPEN_BRACE) {
        this.failUnexpected(
          i,
          `expected ',' or '}' after the value of ${showKey(top.lastKey)}, found ${this.describe(i)}`,
          c === QUOTE
            ? "add a comma between the two properties"
            : "add a comma if another property follows, or close the object with '}'",
        );
      } else {
        this.failUnexpected(
          i,
          `expected ',' or ']' after an array item, found ${this.describe(i)}`,
          c === QUOTE || c === OPEN_BRACE || c === OPEN_BRACKET || isWordChar(c) || c === MINUS
            ? "add a comma between the two items"
            : "add a comma if another item follows, or close the array with ']'",
        );
      }
    }
  }

  /** Scans `"name" :` at `i` (whitespace allowed before) and returns the offset after the colon. */
  private key(i: number, frame: Frame): number {
    const { text, n } = this;
    i = this.skipWs(i);
    if (i >= n) this.failEnd();
    const c = text.charCodeAt(i);
    if (c !== QUOTE) this.unexpectedKey(i);
    const end = this.string(i);
    const key = this.sawEscape
      ? (JSON.parse(text.slice(i, end)) as string)
      : text.slice(i + 1, end - 1);
    const keys = (frame.keys ??= new Map());
    const first = keys.get(key);
    if (first !== undefined) {
      this.fail(
        i,
        `duplicate key ${showKey(key)} (first at ${this.where(first)}); the later one would silently win`,
        "remove one of the two, or rename one",
      );
    }
    keys.set(key, i);
    frame.lastKey = key;
    i = this.skipWs(end);
    if (i >= n) this.failEnd();
    if (text.charCodeAt(i) !== COLON) {
      this.failUnexpected(
        i,
        `expected ':' after the property name ${showKey(key)}, found ${this.describe(i)}`,
        "put a ':' between the property name and its value",
      );
    }
    return i + 1;
  }

  /** Scans the string whose opening quote is at `i`; returns the offset after the closing quote. */
  private string(i: number): number {
    const { text, n } = this;
    this.sawEscape = false;
    let j = i + 1;
    for (;;) {
      if (j >= n)
        this.failEnd(`the string opened at ${this.where(i)} is not closed`, `add the closing '"'`);
      const c = text.charCodeAt(j);
      if (c === QUOTE) return j + 1;
      if (c === BACKSLASH) {
        this.sawEscape = true;
        if (j + 1 >= n)
          this.failEnd(
            `the string opened at ${this.where(i)} is not closed`,
            `add the closing '"'`,
          );
        const e = text.charCodeAt(j + 1);
        if (
          e === QUOTE ||
          e === BACKSLASH ||
          e === SLASH ||
          e === 0x62 ||
          e === 0x66 ||
          e === 0x6e ||
          e === 0x72 ||
          e === 0x74
        ) {
          j += 2;
          continue;
        }
        if (e === LOWER_U) {
          for (let h = j + 2; h < j + 6; h++) {
            if (h >= n)
              this.failEnd(
                `the string opened at ${this.where(i)} is not closed`,
                `finish the \\u escape and add the closing '"'`,
              );
            if (!isHex(text.charCodeAt(h))) {
              this.fail(
                j,
                "'\\u' must be followed by four hexadecimal digits",
                "write the character as \\u and four hex digits, e.g. \\u00e9, or a literal backslash as \\\\",
              );
            }
          }
          j += 6;
          continue;
        }
        this.fail(j, `invalid escape ${describeEscape(text, j)} in a string`, escapeFix(e));
      }
      if (c < SPACE) {
        if (c === LF || c === CR) {
          this.fail(
            j,
            `a line break inside the string opened at ${this.where(i)}: JSON strings cannot span lines`,
            `close the string with '"' before the line break, or write the line break as \\n`,
          );
        }
        if (c === TAB)
          this.fail(j, "a tab character inside a string is not allowed in JSON", "write it as \\t");
        const code = hex4(c);
        this.fail(
          j,
          `the control character U+${code} inside a string is not allowed in JSON`,
          `write it as \\u${code.toLowerCase()}`,
        );
      }
      j++;
    }
  }

  /** Scans the number at `i`; returns the offset after it. */
  private number(i: number): number {
    const { text, n } = this;
    let j = i;
    if (text.charCodeAt(j) === MINUS) {
      j++;
      if (j >= n) this.failEnd("a number is not finished", "add its digits");
      if (text.startsWith("Infinity", j))
        this.fail(
          i,
          "'-Infinity' is not allowed in JSON",
          "write a finite number, null, or a string",
        );
      if (!isDigit(text.charCodeAt(j)))
        this.failUnexpected(
          j,
          `expected a digit after '-', found ${this.describe(j)}`,
          "write the number's digits right after the '-'",
        );
    }
    if (text.charCodeAt(j) === ZERO) {
      j++;
      const next = text.charCodeAt(j);
      if (isDigit(next)) {
        this.fail(
          j - 1,
          "a number cannot have leading zeros in JSON",
          "remove the leading zeros, or put the value in double quotes if the zeros matter",
        );
      }
      if (next === 0x78 || next === 0x58)
        this.fail(
          j - 1,
          "hexadecimal numbers are not allowed in JSON",
          "write the number in decimal",
        );
    } else {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
    }
    if (text.charCodeAt(j) === DOT) {
      j++;
      if (j >= n)
        this.failEnd("a number is not finished", "add the digits after the decimal point");
      if (!isDigit(text.charCodeAt(j))) {
        this.failUnexpected(
          j,
          `expected a digit after the decimal point, found ${this.describe(j)}`,
          "write digits after the '.', e.g. 1.0, or remove the '.'",
        );
      }
      while (j < n && isDigit(text.charCodeAt(j))) j++;
    }
    let exponent = false;
    const e = text.charCodeAt(j);
    if (e === LOWER_E || e === UPPER_E) {
      exponent = true;
      j++;
      const sign = text.charCodeAt(j);
      if (sign === PLUS || sign === MINUS) j++;
      if (j >= n) this.failEnd("a number is not finished", "add the exponent's digits");
      if (!isDigit(text.charCodeAt(j))) {
        this.failUnexpected(
          j,
          `expected a digit in the exponent, found ${this.describe(j)}`,
          "write the exponent's digits, e.g. 1e6, or remove the 'e'",
        );
      }
      while (j < n && isDigit(text.charCodeAt(j))) j++;
    }
    if ((exponent || j - i > 300) && !Number.isFinite(Number(text.slice(i, j)))) {
      this.fail(
        i,
        "the number is too large to represent (it would become Infinity)",
        "use a smaller number, or put it in double quotes",
      );
    }
    return j;
  }

  /** Scans `true`, `false` or `null` at `i`, or fails on any other bare word. */
  private word(i: number): number {
    const { text, n } = this;
    let j = i;
    while (j < n && isWordChar(text.charCodeAt(j))) j++;
    const word = text.slice(i, j);
    if (word === "true" || word === "false" || word === "null") return j;
    if (
      j >= n &&
      word.length < 5 &&
      ["true", "false", "null"].some((literal) => literal.startsWith(word))
    ) {
      this.failEnd(`'${word}' is not finished`, "complete the literal");
    }
    const hint = Object.hasOwn(WORD_HINTS, word) ? WORD_HINTS[word] : undefined;
    if (hint) this.fail(i, hint.problem, hint.fix);
    // The word is not quoted: it may be a secret, so it is not repeated.
    this.fail(
      i,
      "unquoted text where a value belongs: a JSON value is a string in double quotes, a number, true, false, null, an object or an array",
      "put the text in double quotes",
    );
  }

  private unexpectedValue(i: number): never {
    const c = this.text.charCodeAt(i);
    if (c === APOSTROPHE) {
      this.fail(
        i,
        "single quotes are not allowed in JSON: strings use double quotes",
        `replace the single quotes with double quotes (")`,
      );
    }
    if (c === PLUS) this.fail(i, "a number cannot start with '+' in JSON", "remove the '+'");
    if (c === DOT && isDigit(this.text.charCodeAt(i + 1)))
      this.fail(i, "a number cannot start with '.' in JSON", "write a 0 before the '.', e.g. 0.5");
    if (c === COMMA)
      this.fail(
        i,
        "expected a value, found ','",
        "remove the extra comma, or write the missing value",
      );
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON) {
      this.fail(
        i,
        `expected a value, found '${String.fromCharCode(c)}'`,
        "write the missing value",
      );
    }
    this.failUnexpected(
      i,
      `expected a value (a string in double quotes, a number, true, false, null, '{' or '['), found ${this.describe(i)}`,
      "remove it, or put the text in double quotes",
    );
  }

  private unexpectedKey(i: number): never {
    const { text, n } = this;
    const c = text.charCodeAt(i);
    if (c === APOSTROPHE) {
      this.fail(
        i,
        "single quotes are not allowed in JSON: property names use double quotes",
        `replace the single quotes with double quotes (")`,
      );
    }
    if (isWordChar(c)) {
      let j = i;
      while (j < n && (isWordChar(text.charCodeAt(j)) || text.charCodeAt(j) === MINUS)) j++;
      const name = text.slice(i, j);
      this.fail(
        i,
        "property names must be in double quotes in JSON",
        name.length <= 40 && /^[A-Za-z_$][\w$-]*$/.test(name)
          ? `write "${name}"`
          : "put the name in double quotes",
      );
    }
    this.failUnexpected(
      i,
      `expected a property name in double quotes, found ${this.describe(i)}`,
      "write the property name in double quotes, followed by ':' and its value",
    );
  }

  private unexpectedAfterEnd(i: number): never {
    const c = this.text.charCodeAt(i);
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      this.failUnexpected(
        i,
        `unexpected '${String.fromCharCode(c)}' after the end of the JSON value: there is one closing bracket too many`,
        `remove it, or look for a missing '${c === CLOSE_BRACE ? "{" : "["}' earlier`,
      );
    }
    this.failUnexpected(
      i,
      `unexpected ${this.describe(i)} after the end of the JSON value`,
      "remove it: a JSON text holds exactly one value (put several values in an array)",
    );
  }

  /** Fails at `i` with the given message, unless the character there deserves a more specific one. */
  private failUnexpected(i: number, problem: string, fix: string): never {
    const { text } = this;
    const c = text.charCodeAt(i);
    if (c === SLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === SLASH || next === 0x2a)
        this.fail(i, "comments are not allowed in JSON", "remove the comment");
    }
    if (c === BOM)
      this.fail(
        i,
        "a byte order mark (U+FEFF) is only allowed at the very start of the text",
        "remove it",
      );
    if (
      c === 0x00a0 ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x3000 ||
      c === 0x1680 ||
      c === 0x202f ||
      c === 0x205f ||
      (c >= 0x2000 && c <= 0x200a)
    ) {
      this.fail(
        i,
        `the space character U+${hex4(c)} is not allowed between JSON tokens: only spaces, tabs and line breaks are`,
        "replace it with an ordinary space",
      );
    }
    if (
      c === 0x201c ||
      c === 0x201d ||
      c === 0x201e ||
      c === 0x2018 ||
      c === 0x2019 ||
      c === 0x00ab ||
      c === 0x00bb
    ) {
      this.fail(
        i,
        `the typographic quote '${text[i]}' is not a JSON quote`,
        `replace it with a straight double quote (")`,
      );
    }
    this.fail(i, problem, fix);
  }

  /** Fails at the end of the text: it stops before the JSON is complete. */
  private failEnd(detail?: string, fix?: string): never {
    const open = this.stack[this.stack.length - 1];
    const what =
      detail ??
      (open
        ? `an unclosed '${String.fromCharCode(open.open)}' opened at ${this.where(open.offset)}`
        : "a value is missing");
    const closers = this.stack
      .map((frame) => (frame.open === OPEN_BRACE ? "}" : "]"))
      .reverse()
      .join("");
    const parts = [fix, "restore the missing end of the file"];
    // Hundreds of levels may be open: the first closers, and how many there are.
    if (closers)
      parts.push(
        `close what is still open with ${closers.length <= MAX_CLOSERS ? `"${closers}"` : `the ${closers.length.toLocaleString("en-US")} brackets "${closers.slice(0, MAX_CLOSERS)}…"`}`,
      );
    this.fail(
      this.n,
      `the text ends before the JSON is complete (${what})`,
      parts.filter(Boolean).join(", or "),
    );
  }

  private fail(offset: number, problem: string, fix: string): never {
    const { line, column } = lineColumnAt(this.text, offset);
    throw new JsonSyntaxProblem(line, column, offset, problem, fix);
  }

  private where(offset: number): string {
    const { line, column } = lineColumnAt(this.text, offset);
    return `${line}:${column}`;
  }

  /** A single character for a message: quoted when printable, else its code point. */
  private describe(i: number): string {
    const c = this.text.codePointAt(i) ?? 0;
    if (c > 0x20 && c < 0x7f) return `'${String.fromCodePoint(c)}'`;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return `the control character U+${hex4(c)}`;
    return `'${String.fromCodePoint(c)}' (U+${hex4(c)})`;
  }

  private skipWs(i: number): number {
    const { text, n } = this;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) break;
      i++;
    }
    return i;
  }
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isHex(c: number): boolean {
  return (c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isWordChar(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= ZERO && c <= NINE) ||
    c === 0x5f ||
    c === 0x24
  );
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, "0");
}

function describeEscape(text: string, backslash: number): string {
  const c = text.codePointAt(backslash + 1) ?? 0;
  if (c > 0x20 && c < 0x7f) return `'\\${String.fromCodePoint(c)}'`;
  return `'\\' followed by U+${hex4(c)}`;
}

function escapeFix(e: number): string {
  if (e === APOSTROPHE) return "write ' without the backslash";
  if (e === 0x78) return "write \\u00XX instead of \\xXX";
  if (e === LF || e === CR)
    return "JSON strings cannot continue on the next line: write the line break as \\n";
  return 'the valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a literal backslash (as in a regular expression like \\d, or a Windows path) as \\\\';
}

/** A property name for a message: JSON-quoted, shortened when long. */
function showKey(key: string): string {
  const quoted = JSON.stringify(key.length > 60 ? key.slice(0, 57) : key);
  return key.length > 60 ? `${quoted.slice(0, -1)}…"` : quoted;
}
