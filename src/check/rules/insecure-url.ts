import { quoteExcerptAsWritten } from "../../json/excerpt.ts";
import { type JsonValue, ownValue } from "../../json/value.ts";
import { isSecret } from "../../model/secret-values.ts";
import { httpsUrl, USE_HTTPS_FIX } from "../fixes.ts";
import { namesAuthUrl } from "../names.ts";
import type { Rule } from "../types.ts";

/**
 * A plain-http URL offered as a default or example: a warning, worded more gravely for
 * authorization and token URLs (credentials and tokens would cross the network in clear text).
 * Not an error: errors are what `export` refuses, and it writes such a schema.
 */
export const insecureUrl: Rule = {
  id: "insecure-url",
  description:
    "A default, example, const or enum value is a plain http:// URL (graver for authorization and token URLs); an example on localhost is fine",
  check(node, report) {
    const { schema } = node;
    const key = node.key;
    const title = node.title;
    const auth =
      (key !== undefined && namesAuthUrl(key)) || (title !== undefined && namesAuthUrl(title));
    // Only a default or an example is fixed by itself: a constant or an allowed value is what
    // connectors receive and store, so changing it is the author's decision; and a secret's value
    // is not fixed but removed (secret-has-value).
    const valueFixable = !isSecret(schema);
    const offer = (
      value: JsonValue | undefined,
      tokens: Array<string | number>,
      what: string,
      fixable = false,
    ) => {
      const https = typeof value === "string" ? httpsUrl(value) : undefined;
      if (https === undefined) return;
      // An example on this machine (a local server, a tunnel) shows the form, not a place to send credentials to.
      if (what === "example" && isLoopback(value as string)) return;
      report({
        severity: "warning",
        pointer: node.at(...tokens),
        message: auth
          ? `The ${what} ${quoteExcerptAsWritten(value as string)} of the ${node.name} is a plain http:// URL: an authorization or token endpoint must use https, or credentials and tokens travel unencrypted`
          : `The ${what} ${quoteExcerptAsWritten(value as string)} of the ${node.name} is a plain http:// URL, so the connection would not be encrypted`,
        fix: `Use ${quoteExcerptAsWritten(https as string)}`,
        ...(fixable ? { autofix: USE_HTTPS_FIX } : {}),
      });
    };
    offer(ownValue(schema, "default"), ["default"], "default", valueFixable);
    offer(ownValue(schema, "const"), ["const"], "constant value");
    const examples = ownValue(schema, "examples");
    if (Array.isArray(examples))
      examples.forEach((example, i) => {
        offer(example, ["examples", i], "example", valueFixable);
      });
    const values = ownValue(schema, "enum");
    if (Array.isArray(values)) {
      values.forEach((value, i) => {
        offer(value, ["enum", i], "choice");
      });
    }
  },
};

/** Whether a URL points at this machine: `localhost` (and `*.localhost`), 127.0.0.0/8 or `[::1]`. */
export function isLoopback(url: string): boolean {
  let host: string;
  try {
    host = new URL(url.trim()).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}
