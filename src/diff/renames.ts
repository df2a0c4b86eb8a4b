import { editDistance } from "../schema/edit-distance.ts";
import type { Change } from "./types.ts";

/** One side of a possible rename: a removed or an added field or option. */
export interface RenameSide {
  change: Change;
  /** How a hint names it: `field "api_key"`, `option "API key"`. */
  label: string;
  /** Its key (or discriminator value), compared for likeness. */
  key: string | undefined;
  title: string | undefined;
  kind: string;
}

/**
 * Renames show up as a removal plus an addition. When a removed and an added entry of the same
 * kind have a similar key or the same title, both get a hint naming the other.
 */
export function hintRenames(removed: readonly RenameSide[], added: readonly RenameSide[]): void {
  const taken = new Set<RenameSide>();
  for (const before of removed) {
    const after = added.find(
      (candidate) => !taken.has(candidate) && looksRenamed(before, candidate),
    );
    if (!after) continue;
    taken.add(after);
    before.change.hint = `Looks renamed to the ${after.label}: if so, saved credentials keep the value under the old name and need migrating`;
    after.change.hint = `Looks renamed from the ${before.label}: if so, saved credentials hold the value under the old name and need migrating`;
  }
}

function looksRenamed(a: RenameSide, b: RenameSide): boolean {
  if (a.kind !== b.kind) return false;
  if (
    a.title !== undefined &&
    b.title !== undefined &&
    a.title.toLowerCase() === b.title.toLowerCase()
  )
    return true;
  return a.key !== undefined && b.key !== undefined && similarKeys(a.key, b.key);
}

/** `api_key` ~ `apiKey`, `token` ~ `accessToken`, `passwrod` ~ `password`. */
export function similarKeys(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (x === "" || y === "") return false;
  if (x === y) return true;
  if (Math.min(x.length, y.length) >= 4 && (x.includes(y) || y.includes(x))) return true;
  return editDistance(x, y) <= Math.max(1, Math.floor(Math.max(x.length, y.length) / 4));
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}
