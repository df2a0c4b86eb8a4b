import { quoteExcerptAsWritten } from "../../json/excerpt.ts";
import { ownValue } from "../../json/value.ts";
import { secretValues } from "../../model/secret-values.ts";
import { isSecretByAnyMarking } from "../../model/vendor-keywords.ts";
import { makeSecretFix } from "../fixes.ts";
import { allowsString, hasUrlFormat, namesUrl, secretTerm } from "../names.ts";
import type { Rule } from "../types.ts";

/**
 * A field named like a secret must be `writeOnly` (or `airbyte_secret`), so it is masked and never
 * echoed back. What names a secret (names.ts `secretTerm`) was learnt from published windows:
 * passwords, tokens, API and private keys, service-account JSON keys, JAAS configs; not the keys
 * of data (`partition_key`, `header_key`, `cursor_key`…).
 */
export const secretNotWriteOnly: Rule = {
  id: "secret-not-write-only",
  description:
    "A field whose key or title names a secret (password, token, API key, service-account key, JAAS config, …) is not marked writeOnly",
  check(node, report) {
    const { schema } = node;
    const key = node.key;
    if (key === undefined) return;
    // Secret already, by `writeOnly` or by Airbyte's `airbyte_secret` (src/model/vendor-keywords.ts).
    if (isSecretByAnyMarking(schema)) return;
    // Only free-text string fields can hold a secret: not selects, flags, groups or URLs.
    if (!allowsString(schema) || hasUrlFormat(schema)) return;
    if (ownValue(schema, "enum") !== undefined || ownValue(schema, "const") !== undefined) return;
    const format = ownValue(schema, "format");
    if (format === "hostname" || format === "email" || format === "ipv4" || format === "ipv6")
      return;
    const title = node.title;
    if (namesUrl(key) || (title !== undefined && namesUrl(title))) return;
    const term = secretTerm(key) ?? (title !== undefined ? secretTerm(title) : undefined);
    if (!term) return;
    report({
      severity: "warning",
      pointer: node.pointer,
      message: `The ${node.name} looks like a secret (its ${secretTerm(key) ? "key" : "title"} says ${quoteExcerptAsWritten(term)}) but is not marked writeOnly, so it would be shown in clear text and could be read back`,
      fix: `Add "writeOnly": true to the ${node.name}, or rename it if it is not a secret`,
      // A secret carries no value: making it one drops its default and examples with it.
      autofix: makeSecretFix(
        secretValues({ ...schema, writeOnly: true }).map(({ keyword }) => keyword),
      ),
    });
  },
};
