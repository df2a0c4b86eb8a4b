/**
 * The key a field's title gives: camelCase ASCII letters and digits (`Tenant ID` → `tenantId`,
 * `OAuth 2.0 client ID` → `oauth20ClientId`, `Access-token secret` → `accessTokenSecret`), made
 * unique among the keys its object already has. A new field's key follows its title this way until
 * the key is edited by hand (`FieldNode.autoKey`, and `updateField` in commands.ts).
 *
 * The rules, in order:
 * - Latin letters lose their accents (`Café` → `cafe`) and a few letters are spelled out (`ß` → `ss`,
 *   `æ` → `ae`, `ø` → `o`, `ł` → `l`, `þ` → `th`); compatibility forms fold to their plain letter or
 *   digit (full-width `Ａ` → `A`, `²` → `2`). Letters of other scripts are dropped.
 * - Words are the runs of letters and digits; a word written in camelCase keeps its humps
 *   (`clientSecret`, `myURL` → `myUrl`). The first word is lower case, each next one capitalised.
 * - A key that would start with a digit starts with `field` (`2FA code` → `field2faCode`).
 * - At most TITLE_KEY_MAX_LENGTH characters, cut between words where one fits.
 * - Nothing left (an empty title, only symbols or letters of other scripts): the fallback, the
 *   kind's default key (`text`, `secret`…).
 * - Taken: a number is added, `tenantId2`, `tenantId3`… (`_2`, `_3`… after a key ending in a
 *   digit: `port2_2`, not `port22`).
 *
 * So a key made here is always valid in the model (not empty, not taken), and reads as an
 * identifier in any language the connector is written in.
 */

/** The longest key a title gives (before the number that makes it unique). */
export const TITLE_KEY_MAX_LENGTH = 48;

/** The start of a key whose title starts with a digit. */
const DIGIT_PREFIX = "field";

/** What stands in when neither the title nor the fallback gives a key. */
const LAST_RESORT = "field";

/** Latin letters that Unicode does not decompose into a base letter and marks. */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  ß: "ss",
  ẞ: "SS",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "TH",
  ł: "l",
  Ł: "L",
  ı: "i",
  ħ: "h",
  Ħ: "H",
  ŧ: "t",
  Ŧ: "T",
  ŋ: "ng",
  Ŋ: "NG",
  ĸ: "k",
};
const SPELLED_OUT_PATTERN = new RegExp(`[${Object.keys(SPELLED_OUT).join("")}]`, "gu");

/** The title's words, in ASCII letters and digits (see the rules above). */
export function titleWords(title: string): string[] {
  const ascii = title
    .replace(SPELLED_OUT_PATTERN, (letter) => SPELLED_OUT[letter] ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  const words: string[] = [];
  for (const run of ascii.split(/[^A-Za-z0-9]+/)) {
    if (run !== "") words.push(...run.split(/(?<=[a-z])(?=[A-Z])/));
  }
  return words;
}

/** The camelCase key the title spells, before it is made unique; "" when it spells none. */
export function titleKey(title: string): string {
  let key = "";
  for (const [index, word] of titleWords(title).entries()) {
    const lower = word.toLowerCase();
    const next =
      index === 0
        ? /^[0-9]/.test(lower)
          ? `${DIGIT_PREFIX}${lower}`
          : lower
        : lower.charAt(0).toUpperCase() + lower.slice(1);
    if (key.length + next.length > TITLE_KEY_MAX_LENGTH) {
      // Cut between words; a first word longer than the limit is cut inside.
      if (key === "") key = next.slice(0, TITLE_KEY_MAX_LENGTH);
      break;
    }
    key += next;
  }
  return key;
}

/**
 * The key a field titled `title` takes in an object whose other fields have the keys `taken`:
 * the title's camelCase key, or `fallback` (the kind's default key) when the title spells none,
 * made unique. Pure: the same title, keys and fallback always give the same key.
 */
export function keyFromTitle(
  title: string | undefined,
  taken: ReadonlySet<string>,
  fallback: string,
): string {
  const base = titleKey(title ?? "") || titleKey(fallback) || LAST_RESORT;
  if (!taken.has(base)) return base;
  const separator = /[0-9]$/.test(base) ? "_" : "";
  for (let n = 2; ; n++) {
    const key = `${base}${separator}${n}`;
    if (!taken.has(key)) return key;
  }
}
