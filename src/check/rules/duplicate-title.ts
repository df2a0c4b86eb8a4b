import { quoteExcerptAsWritten } from "../../json/excerpt.ts";
import { isJsonObject, ownValue } from "../../json/value.ts";
import type { Rule } from "../types.ts";

/**
 * Two fields of one object with the same title look the same in the form: whoever fills it in
 * cannot tell which box is which. Titles count as the same when they differ only in case, spaces
 * or compatibility forms ("Tenant ID", "tenant  id"). The first field keeps its title; each later
 * one is reported at its `title`, naming the first.
 */
export const duplicateTitle: Rule = {
  id: "duplicate-title",
  description: "Two fields of one object have the same title",
  check(node, report) {
    const properties = ownValue(node.schema, "properties");
    if (!isJsonObject(properties)) return;
    const first = new Map<string, string>();
    for (const key of Object.keys(properties)) {
      const schema = ownValue(properties, key);
      const title = isJsonObject(schema) ? ownValue(schema, "title") : undefined;
      if (typeof title !== "string") continue;
      const same = sameness(title);
      if (same === "") continue;
      const earlier = first.get(same);
      if (earlier === undefined) {
        first.set(same, key);
        continue;
      }
      report({
        severity: "warning",
        pointer: node.at("properties", key, "title"),
        message: `The fields ${quoteExcerptAsWritten(earlier)} and ${quoteExcerptAsWritten(key)} of the ${node.name} have the same title, ${quoteExcerptAsWritten(title.trim())}, so whoever fills in the form cannot tell them apart`,
        fix: `Give ${quoteExcerptAsWritten(key)} a title that says how it differs from ${quoteExcerptAsWritten(earlier)}`,
      });
    }
  },
};

/** What two titles must share to look the same: letters in one case, spaces collapsed. */
function sameness(title: string): string {
  return title.normalize("NFKC").trim().replace(/\s+/gu, " ").toLowerCase();
}
