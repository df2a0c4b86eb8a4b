/**
 * Names of designs: trimmed, not empty, unique (ignoring case, so "API" and "api" are not two
 * designs one cannot tell apart in a list).
 */

export const MAX_NAME_LENGTH = 120;

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Why `name` cannot name a design among `others` (the other designs' names), or undefined when it can. */
export function nameProblem(name: string, others: readonly string[]): string | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return "A design needs a name: type one.";
  if (trimmed.length > MAX_NAME_LENGTH)
    return `A name has at most ${MAX_NAME_LENGTH} characters; this one has ${trimmed.length}: shorten it.`;
  const taken = others.find((other) => sameName(other, trimmed));
  if (taken !== undefined)
    return `Another design is already named "${taken}": choose a different name.`;
  return undefined;
}

/** `base`, or `base 2`, `base 3`… : the first that no name in `taken` has. */
export function uniqueName(base: string, taken: readonly string[]): string {
  const start = base.trim().slice(0, MAX_NAME_LENGTH - 4) || "Untitled";
  if (!taken.some((name) => sameName(name, start))) return start;
  for (let n = 2; ; n++) {
    const candidate = `${start} ${n}`;
    if (!taken.some((name) => sameName(name, candidate))) return candidate;
  }
}
