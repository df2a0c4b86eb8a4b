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
 *
 * Each entry keeps its parent and token, and the pointer is only spelled out for the place
 * found, so a deep value costs time in its size, not its size times its depth. An object met
 * again (a cycle, or one shared, in a value built in memory) is looked at once.
 */
export function loneSurrogateProblem(value: JsonValue): SchemaProblem | undefined {
  interface Place {
    readonly value: JsonValue;
    readonly parent: Place | undefined;
    readonly token: string;
  }
  const seen = new Set<object>();
  const stack: Place[] = [{ value, parent: undefined, token: "" }];
  while (stack.length > 0) {
    const place = stack.pop()!;
    const current = place.value;
    if (typeof current === "string") {
      if (!isWellFormedText(current)) return problemAt(pointerOf(place), "value");
      continue;
    }
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const children: Place[] = [];
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        children.push({ value: item, parent: place, token: String(index) });
      });
    } else {
      for (const key of Object.keys(current)) {
        const child: Place = { value: current[key] as JsonValue, parent: place, token: key };
        if (!isWellFormedText(key)) return problemAt(pointerOf(child), "key");
        children.push(child);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

function pointerOf(place: { parent: typeof place | undefined; token: string }): string {
  const tokens: string[] = [];
  for (let at: typeof place | undefined = place; at?.parent; at = at.parent)
    tokens.push(`/${escapePointerToken(showLoneSurrogates(at.token))}`);
  return tokens.reverse().join("");
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
