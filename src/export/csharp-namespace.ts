/**
 * The namespace of the exported C# model when none is given: the same for the command line, the
 * typed API and the page, so their `.cs` files are the same bytes. Not a name a window's root class
 * takes (it is dotted), so `using Connector.Credentials;` never hides the class behind the namespace.
 */
export const DEFAULT_CSHARP_NAMESPACE = "Connector.Credentials";

/**
 * C#'s reserved keywords (C# 6 language specification, §2.4.4): none of them can be a part of a
 * namespace name without an `@`, which a namespace given on a command line should not need.
 */
const CSHARP_KEYWORDS = new Set(
  (
    "abstract as base bool break byte case catch char checked class const continue decimal default " +
    "delegate do double else enum event explicit extern false finally fixed float for foreach goto " +
    "if implicit in int interface internal is lock long namespace new null object operator out " +
    "override params private protected public readonly ref return sbyte sealed short sizeof " +
    "stackalloc static string struct switch this throw true try typeof uint ulong unchecked unsafe " +
    "ushort using virtual void volatile while"
  ).split(" "),
);

/** One part of a dotted name: a C# identifier (letters of any script, digits, `_`), no escapes. */
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** At most this many characters: far more than any real namespace, short enough for any message. */
const MAX_LENGTH = 200;

/**
 * What is wrong with `namespace` as the namespace of the exported C# model (a dotted C# name such
 * as `Contoso.Connectors.Rest`), as a problem and a fix (sentence fragments); undefined when it is
 * a good one.
 */
export function csharpNamespaceProblem(
  namespace: string,
): { problem: string; fix: string } | undefined {
  const example = 'e.g. "Contoso.Connectors.Rest"';
  const shown = JSON.stringify(namespace.length > 60 ? `${namespace.slice(0, 60)}…` : namespace);
  if (namespace.length > MAX_LENGTH)
    return {
      problem: `the C# namespace ${shown} is longer than ${MAX_LENGTH} characters`,
      fix: `use a shorter dotted name, ${example}`,
    };
  const parts = namespace.split(".");
  for (const part of parts) {
    if (part === "")
      return {
        problem: `the C# namespace ${shown} has an empty part`,
        fix: `write names separated by single dots, with none at the start or the end, ${example}`,
      };
    if (!IDENTIFIER.test(part))
      return {
        problem: `the C# namespace ${shown} has a part, ${JSON.stringify(part)}, that is not a C# identifier`,
        fix: `use letters, digits and "_" in each part, starting with a letter or "_", ${example}`,
      };
    if (CSHARP_KEYWORDS.has(part))
      return {
        problem: `the C# namespace ${shown} has a part, "${part}", that is a C# keyword`,
        fix: `choose another name for that part, e.g. "${part.charAt(0).toUpperCase()}${part.slice(1)}"`,
      };
  }
  if (parts[0] === "global")
    return {
      problem: `the C# namespace ${shown} starts with "global", which C# reserves for the global namespace alias`,
      fix: `start it with another name, ${example}`,
    };
  return undefined;
}
