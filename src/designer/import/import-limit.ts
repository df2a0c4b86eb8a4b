import { SchemaProblem } from "../../json/problem.ts";
import type { CredentialDocument } from "../../model/index.ts";
import { walkNodes } from "../../model/tree.ts";
import { formatMessage } from "../../schema/problem-message.ts";

/**
 * The largest schema text the designer opens: a file imported or dropped, a file given to
 * "Compare with…", a text pasted or typed into the Schema JSON view. 512 KB: over four times the
 * largest real connector window we know (Airbyte's largest of 148 is 110 KB; the largest of the
 * 110 in test/fixtures/real-world, destination-snowflake's spec.json, is 18 KB), about 2,000
 * fields written as real windows are, and small enough that the page keeps every task under
 * 200 ms, with a margin on a busy 2-core machine, while it imports, edits, previews, undoes and
 * exports such a design (test/e2e/designer-large-design.test.ts measures it). At 1 MB the
 * preview's first drawing of the form was one task of 130–350 ms. Larger files are refused, by
 * their size before they are read; the command line reads files up to 64 MB (src/cli/files.ts).
 */
export const MAX_IMPORT_BYTES = 512 * 1024;

/**
 * The most nodes (fields, groups, choices and their options) a design the designer opens may
 * have. A window of 512 KB written as real ones are has about 2,800 (test/e2e/designer-large-design.test.ts
 * imports one); but 512 KB of empty fields (`"f1":{}`…) is 43,000, which no page can show, save
 * and check within 200 ms a task (3,000 bare fields: about 200 ms to show, measured in Chromium).
 * So a text within the byte limit is refused past this many nodes too.
 */
export const MAX_IMPORT_NODES = 3_000;

/**
 * The refusal of a design with more nodes than MAX_IMPORT_NODES (counted up to one past it), at
 * the window's root; undefined when it has no more.
 */
export function nodeCountProblem(doc: CredentialDocument): SchemaProblem | undefined {
  let count = -1; // the window itself is no node of its own
  walkNodes(doc.root, () => ++count <= MAX_IMPORT_NODES);
  if (count <= MAX_IMPORT_NODES) return undefined;
  return new SchemaProblem(
    "",
    `the window has more than ${MAX_IMPORT_NODES.toLocaleString("en-US")} fields, groups, choices and options; the designer opens windows up to that many (a 512 KB window written as real ones are has about 2,800)`,
    FIX,
  );
}

/** The largest real connector window we know of (Airbyte's, of 148), for the refusal's words. */
const LARGEST_REAL_WINDOW = "110 KB";

/**
 * The refusal of a file too large to open, from its size alone (checked before reading it), or
 * undefined when it is within the limit:
 * `big.json: the file is 2.3 MB; the designer opens windows up to 1 MB (…). Split it, or use …`.
 */
export function sizeProblem(name: string, bytes: number): string | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  return formatMessage({ file: name }, `the file is ${sizeText(bytes)}; ${WHAT_OPENS}`, FIX);
}

/**
 * The same for a text typed or pasted into the Schema JSON view (its UTF-8 size, as if saved to
 * a file), as a problem and a fix: undefined when it is within the limit.
 */
export function textSizeProblem(text: string): { problem: string; fix: string } | undefined {
  const bytes = utf8Length(text);
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  return { problem: `the text is ${sizeText(bytes)}; ${WHAT_OPENS}`, fix: FIX };
}

const WHAT_OPENS = `the designer opens windows up to ${sizeText(MAX_IMPORT_BYTES)} (the largest real connector window we know is ${LARGEST_REAL_WINDOW})`;
const FIX =
  "split it, or use the command line (credential-designer check, export and diff), which reads files up to 64 MB";

/**
 * A size in words: `2.3 MB`, `740 KB`; never a figure that rounds to the limit's own (a file of
 * 524,289 bytes is that many bytes, not "512 KB").
 */
export function sizeText(bytes: number): string {
  const rounded = roundedSize(bytes);
  if (bytes !== MAX_IMPORT_BYTES && rounded === roundedSize(MAX_IMPORT_BYTES))
    return `${bytes.toLocaleString("en-US")} bytes`;
  return rounded;
}

function roundedSize(bytes: number): string {
  const MB = 1024 * 1024;
  return bytes >= MB
    ? `${trimmed((bytes / MB).toFixed(1))} MB`
    : `${Math.round(bytes / 1024).toLocaleString("en-US")} KB`;
}

const trimmed = (figure: string) => figure.replace(/\.0$/, "");

/**
 * The UTF-8 size of a text, counted without encoding it; only when it could exceed the limit
 * (a UTF-16 unit is at most 3 bytes), else its length, which is then surely within it.
 */
export function utf8Length(text: string): number {
  if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A file the browser could not read (removed or changed since it was picked). */
export function unreadable(name: string): string {
  return formatMessage(
    { file: name },
    "the file cannot be read",
    "check that it still exists and can be opened, then import it again",
  );
}
