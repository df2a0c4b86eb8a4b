import { escapePointerToken } from "./pointer.ts";
import { SchemaProblem } from "./problem.ts";
import type { JsonValue } from "./value.ts";

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

/** Whether a text is valid Unicode: no UTF-16 surrogate stands alone. */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * The text with each lone surrogate written as its JSON escape (`\ud800`), so that a message can
 * quote where it is: the text itself cannot be encoded (as UTF-8, or by `encodeURIComponent`).
 */
export function showLoneSurrogates(text: string): string {
  return text.replace(
    LONE_SURROGATES,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * The first key or string in `value`, in document order, that is not valid Unicode (a lone
 * surrogate, which JSON's `\ud800` escape can write), as a SchemaProblem at its pointer (lone
 * surrogates in the pointer shown as `\uXXXX`). Iterative: depth never becomes call-stack depth.
 * Such a text cannot be written as UTF-8, put in a URI or an HTML id, so it is refused at import
 * and nothing downstream ever meets one.
 */
export function loneSurrogateProblem(value: JsonValue): SchemaProblem | undefined {
  const stack: Array<{ value: JsonValue; pointer: string }> = [{ value, pointer: "" }];
  while (stack.length > 0) {
    const { value: current, pointer } = stack.pop()!;
    if (typeof current === "string") {
      if (!isWellFormedText(current)) return problemAt(pointer, "value");
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    const children: Array<{ value: JsonValue; pointer: string }> = [];
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        children.push({ value: item, pointer: `${pointer}/${index}` });
      });
    } else {
      for (const key of Object.keys(current)) {
        const at = `${pointer}/${escapePointerToken(showLoneSurrogates(key))}`;
        if (!isWellFormedText(key)) return problemAt(at, "key");
        children.push({ value: current[key] as JsonValue, pointer: at });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

function problemAt(pointer: string, what: "key" | "value"): SchemaProblem {
  return new SchemaProblem(
    pointer,
    what === "key"
      ? "this key is not valid Unicode: it holds a lone surrogate (shown as \\uXXXX), which no file, URL or page can carry"
      : "this text is not valid Unicode: it holds a lone surrogate (a \\uD800–\\uDFFF escape without its pair)",
    what === "key"
      ? "rename the key to valid text, or write the character with both halves of its surrogate pair (e.g. \\ud83d\\ude00)"
      : "replace the \\uXXXX escape with the character it means, or write both halves of its surrogate pair (e.g. \\ud83d\\ude00)",
  );
}
