/**
 * The page's localStorage, or none when it cannot be used: reading `localStorage` throws where
 * storage is blocked (a sandboxed frame, some privacy settings).
 */
export function pageStorage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
