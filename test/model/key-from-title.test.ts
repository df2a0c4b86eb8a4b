import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  KIND_DEFINITIONS,
  keyFromTitle,
  TITLE_KEY_MAX_LENGTH,
  titleKey,
} from "../../src/model/index.ts";

const NONE: ReadonlySet<string> = new Set();

/** What every key made from a title looks like: a camelCase identifier, maybe a `_n` after a digit. */
const KEY_SHAPE = /^[a-z][A-Za-z0-9]*$|^[a-z][A-Za-z0-9]*[0-9]_[0-9]+$/;

describe("the key a title gives", () => {
  it.each([
    ["Tenant ID", "tenantId"],
    ["OAuth 2.0 client ID", "oauth20ClientId"],
    ["Access-token secret", "accessTokenSecret"],
    ["API key", "apiKey"],
    ["Base URL", "baseUrl"],
    ["Timeout (seconds)", "timeoutSeconds"],
    ["  spaced   out  ", "spacedOut"],
    ["x-api-key", "xApiKey"],
    ["API_KEY", "apiKey"],
    ["clientSecret", "clientSecret"],
    ["myURL", "myUrl"],
    ["User name / e-mail", "userNameEMail"],
  ])("%j → %s", (title, key) => {
    expect(keyFromTitle(title, NONE, "text")).toBe(key);
  });

  it.each([
    ["Café crème", "cafeCreme"],
    ["Straße Nr.", "strasseNr"],
    ["Ærø øl", "aeroOl"],
    ["Łódź region", "lodzRegion"],
    ["Þorn", "thorn"],
    ["Ｆｕｌｌ-width ｋｅｙ", "fullWidthKey"],
    ["Key²", "key2"],
    ["Ключ API", "api"],
    ["密钥 secret", "secret"],
  ])(
    "letters of other alphabets: %j → %s (accents dropped, a few spelled out, other scripts left out)",
    (title, key) => {
      expect(keyFromTitle(title, NONE, "text")).toBe(key);
    },
  );

  it("a title starting with a digit gives a key starting with a letter", () => {
    expect(keyFromTitle("2FA code", NONE, "text")).toBe("field2faCode");
    expect(keyFromTitle("3", NONE, "secret")).toBe("field3");
  });

  it("a title that spells nothing gives the kind's default key", () => {
    for (const title of ["", "   ", "!!!", "—", "🔑", "Пароль", "パスワード", undefined]) {
      expect(keyFromTitle(title, NONE, "secret")).toBe("secret");
      expect(keyFromTitle(title, NONE, "privateKey")).toBe("privateKey");
    }
    // Even a fallback that is no key at all gives one.
    expect(keyFromTitle("", NONE, "")).toBe("field");
    expect(keyFromTitle("", NONE, "--")).toBe("field");
  });

  it("is unique among the keys taken: a number is added, after an underscore when the key ends in a digit", () => {
    expect(keyFromTitle("Tenant ID", new Set(["tenantId"]), "text")).toBe("tenantId2");
    expect(keyFromTitle("Tenant ID", new Set(["tenantId", "tenantId2"]), "text")).toBe("tenantId3");
    expect(keyFromTitle("Port 2", new Set(["port2"]), "text")).toBe("port2_2");
    expect(keyFromTitle("", new Set(["text", "text2"]), "text")).toBe("text3");
    // Case matters in JSON keys: "TenantId" is another key.
    expect(keyFromTitle("Tenant ID", new Set(["TenantId", "tenantid"]), "text")).toBe("tenantId");
  });

  it(`is at most ${TITLE_KEY_MAX_LENGTH} characters, cut between words`, () => {
    const key = titleKey(
      "Password for the service account used for the nightly synchronisation job",
    );
    expect(key).toBe("passwordForTheServiceAccountUsedForTheNightly");
    expect(key.length).toBeLessThanOrEqual(TITLE_KEY_MAX_LENGTH);
    expect(titleKey("a".repeat(100))).toBe("a".repeat(TITLE_KEY_MAX_LENGTH));
  });

  it("every kind's default key is a key a title could give", () => {
    for (const { defaultKey } of KIND_DEFINITIONS) expect(titleKey(defaultKey)).toBe(defaultKey);
  });
});

// ---------------------------------------------------------------- properties

const WORDS = [
  "Tenant",
  "ID",
  "OAuth",
  "2.0",
  "client",
  "Straße",
  "café",
  "API",
  "key",
  "Ключ",
  "x",
];
/** Titles: any text, lone surrogates included, and titles made of words people write. */
const title = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ maxLength: 200 }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...WORDS),
        fc.constantFrom(" ", "-", "_", "/", " (", ") ", ".", "", "  "),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.flat().join("")),
);
const fallback = fc.constantFrom(...KIND_DEFINITIONS.map((definition) => definition.defaultKey));

/**
 * Taken keys that make it hard: any strings, and the key the title itself gives with some of its
 * numbered variants, so that the numbering is exercised too.
 */
const takenFor = (forTitle: string | undefined, forFallback: string) =>
  fc
    .tuple(
      fc.array(fc.string({ maxLength: 12 }), { maxLength: 10 }),
      fc.boolean(),
      fc.array(fc.integer({ min: 2, max: 8 }), { maxLength: 6 }),
    )
    .map(([strings, takeBase, numbers]) => {
      const base = titleKey(forTitle ?? "") || forFallback;
      const taken = [...strings, ...numbers.flatMap((n) => [`${base}${n}`, `${base}_${n}`])];
      if (takeBase) taken.push(base);
      return taken;
    });

const cases = fc
  .tuple(fc.option(title, { nil: undefined }), fallback)
  .chain(([t, f]) => fc.tuple(fc.constant(t), fc.constant(f), takenFor(t, f)));

describe("property: whatever the title and the keys taken", () => {
  it("the key is valid (a camelCase identifier, not empty), not taken, and the same every time", () => {
    fc.assert(
      fc.property(cases, ([t, f, taken]) => {
        const key = keyFromTitle(t, new Set(taken), f);
        expect(key).toMatch(KEY_SHAPE);
        expect(taken).not.toContain(key);
        // Stable: the same input gives the same key, whatever order the keys were listed in.
        expect(keyFromTitle(t, new Set([...taken].reverse()), f)).toBe(key);
        expect(keyFromTitle(t, new Set(taken), f)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });

  it("nothing taken: the title's own key, at most the length limit", () => {
    fc.assert(
      fc.property(title, fallback, (t, f) => {
        const key = keyFromTitle(t, NONE, f);
        expect(key).toBe(titleKey(t) || f);
        expect(key.length).toBeLessThanOrEqual(TITLE_KEY_MAX_LENGTH);
      }),
    );
  });

  it("fields titled alike one after another each get a key of their own", () => {
    fc.assert(
      fc.property(title, fallback, fc.integer({ min: 1, max: 12 }), (t, f, count) => {
        const taken = new Set<string>();
        for (let i = 0; i < count; i++) {
          const key = keyFromTitle(t, taken, f);
          expect(taken.has(key)).toBe(false);
          expect(key).toMatch(KEY_SHAPE);
          taken.add(key);
        }
        expect(taken.size).toBe(count);
      }),
    );
  });
});
