import type { Options } from "ajv";

/**
 * The one ajv configuration every validator of a credential window shares: the exported
 * standalone validator and the preview's in-page fallback judge data the same way.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  // Draft-07 schemas from the designer carry `x-` extension and other unknown keywords: ignore
  // them, and do not insist on Ajv's stricter-than-the-spec style rules. Keep strictNumbers.
  strict: false,
  strictNumbers: true,
  // `__proto__`, `constructor` and the like are looked up as own properties only.
  ownProperties: true,
  logger: false,
} as const satisfies Options;
