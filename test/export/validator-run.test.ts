import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exportFiles, SUPPORTED_FORMATS } from "../../src/export/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import {
  loadFixture,
  removeScratchDirs,
  runStrictNode,
  scratchDir,
  writeFiles,
} from "./support/files.ts";
import { deepSchema } from "./support/generated-schemas.ts";

afterAll(removeScratchDirs);

/**
 * The generated validators, run for real: written to a scratch directory with no node_modules
 * anywhere above it and imported by a child `node --disallow-code-generation-from-strings`.
 * Samples travel as JSON text and are JSON.parse'd in the child, so `__proto__` keys are own
 * properties there, as in real input.
 */

interface Outcome {
  valid: boolean;
  errors: Array<{ instancePath: string; keyword: string; params: Record<string, unknown> }> | null;
}

const formatsSchema: JsonObject = {
  type: "object",
  properties: Object.fromEntries(
    SUPPORTED_FORMATS.map((format) => [format, { type: ["string", "number"], format }]),
  ),
};

const restSamples: Record<string, unknown> = {
  full: {
    baseUrl: "https://api.example.com/v2?x=1#f",
    region: "ap",
    auth: { type: "basic", username: "u", password: "p" },
    timeouts: { connectMs: 1, readMs: 2 },
    contactEmail: "ops@example.com",
    proxyHost: "proxy.example.com",
    validFrom: "2024-02-29T23:59:59.5+01:00",
  },
  minimal: { baseUrl: "urn:isbn:0451450523", auth: { type: "none" } },
  apiKey: {
    baseUrl: "https://x.example",
    auth: { type: "apiKey", key: "12345678", header: "X-Api-Key" },
  },
  badUri: { baseUrl: "not a uri", auth: { type: "none" } },
  badEmail: { baseUrl: "https://x.example", auth: { type: "none" }, contactEmail: "ops@" },
  badHost: {
    baseUrl: "https://x.example",
    auth: { type: "none" },
    proxyHost: "-proxy-.example.com",
  },
  badDateTime: {
    baseUrl: "https://x.example",
    auth: { type: "none" },
    validFrom: "2023-02-29T12:00:00Z",
  },
  dateWithoutZone: {
    baseUrl: "https://x.example",
    auth: { type: "none" },
    validFrom: "2024-01-01T12:00:00",
  },
  missingSecret: { baseUrl: "https://x.example", auth: { type: "basic", username: "u" } },
  unknownAuth: { baseUrl: "https://x.example", auth: { type: "digest" } },
  extraProperty: { baseUrl: "https://x.example", auth: { type: "none" }, baseURL: "typo" },
  badHeader: {
    baseUrl: "https://x.example",
    auth: { type: "apiKey", key: "12345678", header: "bad header!" },
  },
  // 7 code points, 14 UTF-16 units: minLength counts code points (Ajv's ucs2length)
  shortEmojiKey: { baseUrl: "https://x.example", auth: { type: "apiKey", key: "🔑🔑🔑🔑🔑🔑🔑" } },
  eightEmojiKey: {
    baseUrl: "https://x.example",
    auth: { type: "apiKey", key: "🔑🔑🔑🔑🔑🔑🔑🔑" },
  },
  badRegion: { baseUrl: "https://x.example", auth: { type: "none" }, region: "mars" },
  badTimeout: {
    baseUrl: "https://x.example",
    auth: { type: "none" },
    timeouts: { connectMs: 0.5 },
  },
  notAnObject: "https://x.example",
};

const hostileSamplesJson = `{
  "empty": {},
  "minimal": {"constructor": "c", "auth": {"kind": "basic"}},
  "protoWrongType": {"constructor": "c", "auth": {"kind": "basic"}, "__proto__": {"polluted": true}},
  "protoString": {"constructor": "c", "auth": {"kind": "basic"}, "__proto__": "fine"},
  "protoConstOk": {"constructor": "c", "auth": {"kind": "basic"}, "protoConst": {"__proto__": {"polluted": true}}},
  "protoConstEmpty": {"constructor": "c", "auth": {"kind": "basic"}, "protoConst": {}},
  "toStringNotInteger": {"constructor": "c", "auth": {"kind": "basic"}, "toString": 1.5},
  "hasOwnPropertyKey": {"constructor": "c", "auth": {"kind": "basic"}, "hasOwnProperty": true, "map": {"aaa/b": "x", "hasOwnProperty": 1}},
  "hasOwnPropertyWrong": {"constructor": "c", "auth": {"kind": "basic"}, "hasOwnProperty": "yes"},
  "choiceHostile": {"constructor": "c", "auth": {"kind": "__proto__", "constructor": "x"}, "choice": "</script>", "*/": "k"},
  "sameRef": {"constructor": "c", "auth": {"kind": "basic"}, "same1": {"a": "x"}, "same2": {"a": 1}}
}`;

const formatSamples: Array<[string, unknown, boolean]> = [
  ["uri", "https://example.com/a?b#c", true],
  ["uri", "/relative/only", false],
  ["email", "first.last@example.co.uk", true],
  ["email", "first last@example.com", false],
  ["hostname", "a-b.example.com", true],
  ["hostname", "a_b.example.com", false],
  ["date-time", "2024-02-29T12:00:00Z", true],
  ["date-time", "2023-02-29T12:00:00Z", false],
  ["date", "2024-12-31", true],
  ["date", "2024-12-32", false],
  ["time", "23:59:60Z", true],
  ["time", "12:00:00", false],
  ["iso-time", "12:00:00", true],
  ["iso-date-time", "2024-01-01 12:00:00", true],
  ["duration", "P1DT2H", true],
  ["duration", "P", false],
  ["ipv4", "192.168.0.1", true],
  ["ipv4", "256.0.0.1", false],
  ["ipv6", "::1", true],
  ["uuid", "123e4567-e89b-12d3-a456-426614174000", true],
  ["regex", "^a+$", true],
  ["regex", "(", false],
  ["byte", "aGVsbG8=", true],
  ["byte", "a", false],
  ["int32", 2147483647, true],
  ["int32", 2147483648, false],
  ["int64", 1.5, false],
  ["json-pointer", "/a~1b", true],
  ["json-pointer", "a", false],
  ["uri-reference", "../x?y", true],
  ["url", "http://example.com", true],
  ["password", "anything", true],
];

let dir = "";
const files: Record<string, string> = {};
let results: Record<string, Record<string, Outcome>> & { polluted?: unknown } = {};

beforeAll(async () => {
  dir = scratchDir("validate");
  const exports: Array<[string, JsonObject, string]> = [
    ["rest", loadFixture("rest-adapter.schema.json"), "rest-adapter"],
    ["hostile", loadFixture("hostile.schema.json"), "hostile"],
    ["formats", formatsSchema, "formats"],
    ["deep", deepSchema(400), "deep"],
  ];
  for (const [sub, schema, base] of exports) {
    const generated = await exportFiles(schema, base);
    writeFiles(join(dir, sub), generated);
    files[sub] = generated[2]!.contents;
  }
  let deepGood: Record<string, unknown> = { leaf: "x" };
  for (let level = 400; level >= 1; level--) deepGood = { [`level${level}`]: deepGood, note: "n" };
  const deepBad = JSON.parse(
    JSON.stringify(deepGood).replace('"leaf":"x"', '"leaf":""'),
  ) as unknown;
  const formatCases = Object.fromEntries(
    formatSamples.map(([format, value], i) => [`${i}:${format}`, { [format]: value }]),
  );
  results = runStrictNode(
    dir,
    `
import rest from "./rest/rest-adapter.validate.js";
import { validate as restNamed } from "./rest/rest-adapter.validate.js";
import hostile from "./hostile/hostile.validate.js";
import formats from "./formats/formats.validate.js";
import deep from "./deep/deep.validate.js";
const run = (validate, samples) => Object.fromEntries(Object.entries(samples).map(([name, data]) => {
  const valid = validate(data);
  return [name, { valid, errors: validate.errors ?? null }];
}));
console.log(JSON.stringify({
  rest: run(rest, JSON.parse(${JSON.stringify(JSON.stringify(restSamples))})),
  restNamed: { same: { valid: restNamed === rest, errors: null } },
  hostile: run(hostile, JSON.parse(${JSON.stringify(hostileSamplesJson)})),
  formats: run(formats, JSON.parse(${JSON.stringify(JSON.stringify(formatCases))})),
  deep: run(deep, { good: JSON.parse(${JSON.stringify(JSON.stringify(deepGood))}), bad: JSON.parse(${JSON.stringify(JSON.stringify(deepBad))}) }),
  polluted: [({}).polluted, Object.prototype.polluted, Object.keys(Object.prototype)],
}));
`,
  ) as typeof results;
}, 120_000);

const outcome = (group: string, name: string): Outcome => {
  const found = results[group]?.[name];
  if (!found) throw new Error(`no result for ${group}/${name}`);
  return found;
};
const failures = (group: string, name: string): string[] =>
  (outcome(group, name).errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);

describe("generated validator modules", () => {
  test("are self-contained ES modules: no require, eval, Function, import", () => {
    for (const [name, code] of Object.entries(files)) {
      expect(code, name).not.toMatch(
        /\brequire\s*\(|\beval\b|new Function|\bFunction\(|^\s*import\b/m,
      );
      expect(code, name).toMatch(/export default validate\d+;/);
      expect(code, name).toMatch(/export const validate = validate\d+;/);
    }
    expect(files.rest).toContain("function __cdUcs2length(");
    expect(files.rest).toContain('"date-time": { validate: __cdDateTime },');
    expect(files.rest).not.toContain("__cdByte"); // only the formats the schema uses
    expect(outcome("restNamed", "same").valid).toBe(true);
  });

  test("accept good credentials and reject bad ones, formats included", () => {
    for (const name of ["full", "minimal", "apiKey", "eightEmojiKey"])
      expect(outcome("rest", name), name).toEqual({ valid: true, errors: null });
    const expected: Record<string, string> = {
      badUri: "/baseUrl format",
      badEmail: "/contactEmail format",
      badHost: "/proxyHost format",
      badDateTime: "/validFrom format",
      dateWithoutZone: "/validFrom format",
      missingSecret: "/auth required",
      unknownAuth: "/auth oneOf",
      extraProperty: " additionalProperties",
      badHeader: "/auth/header pattern",
      shortEmojiKey: "/auth/key minLength",
      badRegion: "/region enum",
      badTimeout: "/timeouts/connectMs type",
      notAnObject: " type",
    };
    for (const [name, failure] of Object.entries(expected)) {
      expect(outcome("rest", name).valid, name).toBe(false);
      expect(failures("rest", name), name).toContain(failure);
    }
  });

  test("every supported format is checked inline, without ajv-formats beside it", () => {
    formatSamples.forEach(([format, , valid], i) => {
      expect(outcome("formats", `${i}:${format}`).valid, `${format} #${i}`).toBe(valid);
    });
  });

  test("hostile keys: own-property semantics, no prototype pollution", () => {
    expect(outcome("hostile", "empty").valid).toBe(false);
    expect(outcome("hostile", "empty").errors?.map((e) => e.params.missingProperty)).toEqual([
      "constructor",
      "auth",
    ]);
    expect(outcome("hostile", "minimal").valid).toBe(true);
    expect(outcome("hostile", "protoString").valid).toBe(true);
    expect(failures("hostile", "protoWrongType")).toEqual(["/__proto__ type"]);
    expect(outcome("hostile", "protoConstOk").valid).toBe(true);
    expect(failures("hostile", "protoConstEmpty")).toEqual(["/protoConst const"]);
    expect(failures("hostile", "toStringNotInteger")).toEqual(["/toString type"]);
    expect(outcome("hostile", "hasOwnPropertyKey").valid).toBe(true);
    expect(failures("hostile", "hasOwnPropertyWrong")).toEqual(["/hasOwnProperty type"]);
    expect(outcome("hostile", "choiceHostile").valid).toBe(true);
    expect(failures("hostile", "sameRef")).toEqual(["/same2/a type"]);
    expect(results.polluted).toEqual([null, null, []]);
  });

  test("400 levels deep: validates, and reports the deepest error's path", () => {
    expect(outcome("deep", "good")).toEqual({ valid: true, errors: null });
    const path = `/${Array.from({ length: 400 }, (_, i) => `level${i + 1}`).join("/")}/leaf`;
    expect(failures("deep", "bad")).toEqual([`${path} minLength`]);
  });
});
