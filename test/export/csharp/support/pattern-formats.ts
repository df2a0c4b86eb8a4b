import { fullFormats } from "ajv-formats/dist/formats.js";
import fc from "fast-check";

/** What the exported validator (ajv-formats' fullFormats) says about a string. */
export function ajvVerdict(format: string, value: string): boolean {
  const definition = (fullFormats as Record<string, unknown>)[format];
  if (definition === true) return true;
  if (definition instanceof RegExp) {
    definition.lastIndex = 0;
    return definition.test(value);
  }
  if (typeof definition === "function") return Boolean(definition(value));
  if (definition && typeof definition === "object" && "validate" in definition) {
    const validate = (definition as { validate: unknown }).validate;
    if (typeof validate === "function") return Boolean(validate(value));
    if (validate instanceof RegExp) return validate.test(value);
  }
  throw new Error(`no ajv-formats check for ${format}`);
}

const TIMES = [
  "23:59:59Z",
  "23:59:60Z",
  "23:59:60+00:00",
  "22:59:60-01:00",
  "00:59:60+01:00",
  "23:58:60Z",
  "23:59:61Z",
  "24:00:00Z",
  "12:00:00",
  "12:00:00z",
  "12:00:00.5Z",
  "12:00:00.Z",
  "12:00:00+0130",
  "12:00:00+01:3",
  "12:00:00+01:",
  "12:00:00+24:00",
  "12:00:00+23:60",
  "12:00:00+01",
  "12:00:60Z",
  "23:59:60",
  "23:59:59.999999999999996447286321199499070644378662109375Z",
  "23:59:59.999999999999996447286321199499070644378662109374Z",
  "23:59:59.99999999999999644728632119949907064437866210937500001Z",
  "23:59:59.9999999999999964Z",
  "12:00:59.999999999999996447286321199499070644378662109375Z",
  "12:00:59.999999999999996447286321199499070644378662109374Z",
  "12:00:59.9999999999999964472863211994990706443786621093749999Z",
  "23:59:59.9999999999999965Z",
  "23:59:60.999999999999996447286321199499070644378662109375Z",
  "23:59:60.99999999999999644728632119949907064437866210937Z",
  "12:00:00Z\n",
  "1٢:00:00Z",
  "99:99:99Z",
];

const DATE_TIMES = [
  "2024-02-29T23:59:60Z",
  "2024-02-29t12:00:00z",
  "2024-02-29 12:00:00Z",
  "2024-02-29\n12:00:00Z",
  "2024-02-29\u200012:00:00Z",
  "2024-02-29\u2028" + "12:00:00Z",
  "2024-02-29\u0085" + "12:00:00Z",
  "2024-02-29\ufeff12:00:00Z",
  "2024-02-29TT12:00:00Z",
  "2024-02-29T12:00:00",
  "2023-02-29T12:00:00Z",
  "2024-02-29T12:00:00Zt",
];

/** Hand-made edge cases: valid values and their near misses, per format. */
export const EDGE_CASES: Record<string, readonly string[]> = {
  date: [
    "2024-02-29",
    "2023-02-29",
    "1900-02-29",
    "2000-02-29",
    "2024-04-31",
    "2024-12-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "0000-01-01",
    "2024-1-01",
    "2024-01-01\n",
    "2024-01-01 ",
    "٢٠٢٤-01-01",
    "2024-01-0١",
    "20240101",
  ],
  time: TIMES,
  "iso-time": TIMES,
  "date-time": DATE_TIMES,
  "iso-date-time": DATE_TIMES,
  uri: [
    "https://example.com/a?b=c#d",
    "urn:isbn:0451450523",
    "mailto:a@b.c",
    "http://[::1]:80/",
    "http://[v1.x]/",
    "http://1.2.3.4/",
    "http://256.1.1.1/",
    "a:b",
    "a:",
    "//example.com",
    "/path",
    "relative",
    "HTTP://EXAMPLE.COM",
    "http://exa mple.com",
    "http://example.com/%zz",
    "http://example.com/%41",
    "http://é.com",
    "http://ſ.com",
    "h\u212Attp://x",
    "http://x\n",
  ],
  "uri-reference": [
    "",
    "#frag",
    "../a/b",
    "//host",
    "http://x/y",
    "a b",
    "\\x",
    "?q=1",
    "HTTP://X",
    'a"b',
    "%GG",
  ],
  "uri-template": ["http://x/{id}", "{+path}", "{a,b*}", "{", "{a:0}", "{a:10000}", "x y", "%41"],
  email: [
    "a@b.co",
    "A.B+c@EXAMPLE.com",
    "a..b@c.d",
    "a@b",
    "a@-b.c",
    "a@b-.c",
    "ſ@b.co",
    "\u212A@b.co",
    "a@b.co\n",
    "a@b.c😀",
  ],
  hostname: [
    "example.com",
    "example.com.",
    "EXAMPLE.COM",
    "-a.com",
    "a-.com",
    "a".repeat(63),
    "a".repeat(64),
    `${"a.".repeat(126)}a`,
    `${"a.".repeat(126)}ab`,
    `${"a.".repeat(126)}a.`,
    "",
    "a..b",
    "exam\u212Aple.com",
  ],
  ipv4: ["1.2.3.4", "255.255.255.255", "256.1.1.1", "01.2.3.4", "1.2.3", "1.2.3.4\n", "١.2.3.4"],
  ipv6: [
    "::1",
    "::",
    "1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7:8:9",
    "FFFF::1.2.3.4",
    "::ffff:1.2.3.4",
    "1::2::3",
    "g::1",
    "::1\n",
  ],
  uuid: [
    "123e4567-e89b-12d3-a456-426614174000",
    "123E4567-E89B-12D3-A456-426614174000",
    "urn:uuid:123e4567-e89b-12d3-a456-426614174000",
    "URN:UUID:123e4567-e89b-12d3-a456-426614174000",
    "123e4567e89b12d3a456426614174000",
    "123e4567-e89b-12d3-a456-42661417400g",
  ],
  duration: ["P1Y2M3DT4H5M6S", "P1W", "P", "PT", "PT1H", "P1Y1W", "p1y"],
  "json-pointer": ["", "/a/b", "/a~0b~1", "/a~2", "a", "/😀", "/\ud800"],
  "json-pointer-uri-fragment": ["#", "#/a", "#/%41", "#/a b", "/a"],
  "relative-json-pointer": ["0", "1/a", "0#", "01", "-1"],
  byte: [
    "",
    "QUJD",
    "QUI=",
    "QQ==",
    "QUJ",
    "Q===",
    "x\nQUJD",
    "!\nQUJD",
    "!\r\u2028!",
    "!",
    "QU JD",
  ],
  password: ["", "anything\n😀"],
  binary: ["", "\ud800"],
};

const ALPHABET = [
  ..."0123456789",
  ..."abcdefxzZtTP",
  ...":-.+/@%#?[]{}~_ ",
  "\n",
  "\t",
  "\u00a0",
  "\u2028",
  "\u0085",
  "\ufeff",
  "٣",
  "ſ",
  "\u212a",
  "é",
  "😀",
  "\ud800",
  "\udc00",
];

/** Strings near the edge cases (a character replaced, inserted or removed) and random ones. */
export function nearby(format: string): fc.Arbitrary<string> {
  const seeds = EDGE_CASES[format] ?? [""];
  const char = fc.constantFrom(...ALPHABET);
  const mutated = fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.nat(),
      fc.constantFrom("replace", "insert", "remove"),
      char,
    )
    .map(([seed, at, how, c]) => {
      const i = seed.length === 0 ? 0 : at % (seed.length + 1);
      if (how === "insert") return seed.slice(0, i) + c + seed.slice(i);
      if (how === "remove") return seed.slice(0, i) + seed.slice(i + 1);
      return seed.slice(0, i) + c + seed.slice(i + 1);
    });
  const random = fc.array(char, { maxLength: 12 }).map((chars) => chars.join(""));
  return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: random });
}
