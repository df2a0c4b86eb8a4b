/**
 * What may fail, returned rather than thrown: on success `ok: true` with the fields of `T` (e.g.
 * `Result<{ doc: CredentialDocument }>` is `{ ok: true, doc }`), on failure `ok: false` with a
 * `reason`, by default words for the user. Every layer speaks it, so it lives at the bottom.
 */
export type Result<T extends object, E = string> = Success<T> | Failure<E>;

/** The success side of a Result: `ok: true` beside the fields of `T`. */
export type Success<T extends object> = { readonly ok: true } & Readonly<T>;

/** The failure side of a Result: nothing was done, and `reason` says why. */
export interface Failure<E = string> {
  readonly ok: false;
  readonly reason: E;
}
