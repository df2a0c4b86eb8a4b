/**
 * A draft-07 `pattern` (an ECMAScript regular expression, compiled by Ajv with the `u` flag, that
 * *searches*: it may match anywhere in the value) as the source of a .NET regular expression that
 * gives the same verdict for every string when used as
 * `new Regex(source, RegexOptions.CultureInvariant).IsMatch(value)`.
 *
 * Throws a SchemaProblem at `pointer` (what construct, how to fix the pattern) for a pattern that
 * cannot be translated exactly.
 */
export function dotNetPattern(pattern: string, pointer: string): string {
  void pattern;
  void pointer;
  // Being built (issue 16).
  throw new Error("the pattern translation is not built yet");
}
