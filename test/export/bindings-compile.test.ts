import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ExportFile, exportFiles } from "../../src/export/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import {
  loadFixture,
  removeScratchDirs,
  runTsc,
  scratchDir,
  writeFiles,
  writeTsProject,
} from "./support/files.ts";
import { deepSchema } from "./support/generated-schemas.ts";

afterAll(removeScratchDirs);

/**
 * The generated bindings, compiled for real: every export below is written with a usage file
 * into one strict ESM project (nodenext resolution, exactOptionalPropertyTypes,
 * noUncheckedIndexedAccess…) and checked with a single `tsc --strict --noEmit` run. Negative
 * cases are `@ts-expect-error` lines, which tsc reports when they do not fail.
 */

const restUsage = `
import type { RESTAdapter, Authentication, BasicAuthentication, AuthApiKey, NoAuthentication, Timeouts } from "./rest-adapter.js";
import validate, { type ValidationError } from "./rest-adapter.validate.js";

export const sample: RESTAdapter = {
  baseUrl: "https://api.example.com/v2",
  region: "eu",
  auth: { type: "apiKey", key: "k-123456", header: "X-Key" },
  timeouts: { connectMs: 100 },
  validFrom: "2024-01-01T00:00:00Z",
};
export const none: NoAuthentication = { type: "none" };
export const timeouts: Timeouts = {};

export function describeAuth(auth: Authentication): string {
  switch (auth.type) {
    case "none":
      return "anonymous";
    case "basic":
      return auth.username + ":" + auth.password.length; // branch-only fields after narrowing
    case "apiKey":
      return auth.key + (auth.header ?? "X-API-Key");
    default: {
      const unreachable: never = auth;
      return unreachable;
    }
  }
}
export const basicOnly = (auth: BasicAuthentication): string => auth.username;
export const keyOnly = (auth: AuthApiKey): string => auth.key;

// @ts-expect-error username exists on the basic branch only: not before narrowing
export const notNarrowed = (auth: Authentication) => auth.username;
// @ts-expect-error the basic branch has no "key"
export const wrongBranchField = (auth: BasicAuthentication) => auth.key;
// @ts-expect-error "digest" is not one of the auth types
export const wrongType: Authentication = { type: "digest" };
// @ts-expect-error a basic branch needs its password
export const missingSecret: Authentication = { type: "basic", username: "u" };
// @ts-expect-error "mars" is not one of the region choices
export const wrongRegion: RESTAdapter = { ...sample, region: "mars" };
// @ts-expect-error baseUrl is required
export const missingBaseUrl: RESTAdapter = { auth: none };
// @ts-expect-error no index signature: unknown properties are errors
export const typo: RESTAdapter = { ...sample, baseURL: "x" };

export function check(data: unknown): string {
  if (validate(data)) return data.baseUrl + describeAuth(data.auth); // the validator is a type guard
  const errors: ValidationError[] = validate.errors ?? [];
  return errors.map((e) => e.instancePath + " " + (e.message ?? e.keyword) + JSON.stringify(e.params)).join("\\n");
}
`;

const treeSchema: JsonObject = {
  title: "Tree",
  type: "object",
  required: ["root"],
  properties: {
    root: { $ref: "#/definitions/node" },
    strict: {
      $ref: "#/definitions/node",
      required: ["name"],
      properties: { extra: { type: "boolean" } },
    },
  },
  definitions: {
    node: {
      type: "object",
      required: ["name"],
      properties: {
        name: { type: "string" },
        children: { type: "array", items: { $ref: "#/definitions/node" } },
      },
    },
  },
};
const treeUsage = `
import type { Tree, Node } from "./tree.js";
export const tree: Tree = { root: { name: "a", children: [{ name: "b", children: [{ name: "c" }] }] }, strict: { name: "s", extra: true } };
export const depth = (node: Node): number => 1 + Math.max(0, ...(node.children ?? []).map(depth));
// @ts-expect-error children are nodes, which need a name
export const bad: Node = { name: "a", children: [{}] };
`;

const rootChoiceSchema: JsonObject = {
  title: "Connection",
  type: "object",
  required: ["name", "type"],
  properties: { name: { type: "string" } },
  oneOf: [
    {
      title: "Password login",
      required: ["type", "user"],
      properties: {
        type: { const: "password" },
        user: { type: "string" },
        secret: { type: "string", writeOnly: true },
      },
    },
    {
      required: ["type", "token"],
      properties: { type: { enum: ["token"] }, token: { type: "string", writeOnly: true } },
    },
  ],
};
const rootChoiceUsage = `
import type { Connection, PasswordLogin, ConnectionToken } from "./root-choice.js";
import validate from "./root-choice.validate.js";
export function show(c: Connection): string {
  switch (c.type) {
    case "password":
      return c.name + c.user;
    case "token":
      return c.name + c.token;
  }
}
export const p: PasswordLogin = { type: "password", user: "u" };
export const t: ConnectionToken = { type: "token", token: "t" };
export const c: Connection = { name: "n", type: "token", token: "t" };
// @ts-expect-error a token connection has no user
export const wrong: Connection = { name: "n", type: "token", token: "t", user: "u" };
export const guarded = (x: unknown): string => (validate(x) ? show(x) : "");
`;

const kitchenSinkSchema: JsonObject = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    nullable: { type: ["string", "null"] },
    pair: {
      type: "array",
      items: [{ type: "string" }, { type: "integer" }],
      minItems: 2,
      maxItems: 2,
    },
    list: { type: "array", items: { type: "string" }, minItems: 1 },
    labels: { type: "object", additionalProperties: { type: "string" } },
    anything: {},
    nothing: false,
    everything: true,
    annotated: { description: "only a description", "x-widget": "textarea" },
    mixedEnum: { enum: ["a", 1, true, null, { o: 1 }, [1, 2]] },
    constObject: { const: { deep: { list: [1, "two"] } } },
    anyOf: {
      anyOf: [
        { type: "string", format: "email" },
        { type: "object", properties: { id: { type: "integer" } } },
      ],
    },
    allOf: {
      allOf: [
        { type: "object", properties: { a: { type: "string" } } },
        { type: "object", properties: { b: { type: "number" } } },
      ],
    },
    conditional: {
      type: "object",
      if: { properties: { a: { const: 1 } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: { required: ["b"] },
      not: { required: ["c"] },
      properties: { a: { type: "integer" } },
    },
    extensible: {
      type: "object",
      properties: { known: { type: "string" } },
      additionalProperties: true,
    },
    deprecated: { type: "string", deprecated: true },
    tsType: { type: "string", tsType: "import('fs').Stats" },
  },
};
const kitchenSinkUsage = `
import type { KitchenSink } from "./kitchen-sink.js";
export const k: KitchenSink = {
  nullable: null,
  pair: ["a", 1],
  list: ["x"],
  labels: { a: "b" },
  anything: { whatever: [1] },
  everything: 42,
  annotated: "anything goes",
  mixedEnum: null,
  constObject: { deep: { list: [1, "two"] } },
  anyOf: "a@example.com",
  allOf: { a: "x", b: 1 },
  extensible: { known: "k", other: 1 },
  tsType: "a user's tsType is ignored: this is just a string",
};
// @ts-expect-error nothing is allowed in "nothing"
export const n: KitchenSink = { nothing: 1 };
// @ts-expect-error the list needs at least one item
export const empty: KitchenSink = { list: [] };
`;

/** An Airbyte-style window with every vendor keyword (docs/vendor-keywords.md). */
const vendorKeywordsUsage = `
import type { PostgresSourceSpec, AuthenticationMethod, OAuth20, APIKey } from "./vendor-keywords.js";
import validate from "./vendor-keywords.validate.js";
export const spec: PostgresSourceSpec = {
  host: "db.example.com",
  port: 5432,
  database: "app",
  username: "reader",
  password: "p",
  jdbc_url_params: "a=1&b=2",
  credentials: { auth_type: "api_key", api_key: "k" },
  ssl_mode: "verify-full",
  anything: "the window is open",
};
export function secretOf(method: AuthenticationMethod): string {
  return method.auth_type === "oauth2.0" ? method.client_secret : method.api_key;
}
export const oauth: OAuth20 = { auth_type: "oauth2.0", client_id: "i", client_secret: "s" };
export const key: APIKey = { auth_type: "api_key", api_key: "k" };
// @ts-expect-error the port is a number
export const badPort: PostgresSourceSpec = { ...spec, port: "5432" };
// @ts-expect-error an OAuth method needs its client secret
export const noSecret: OAuth20 = { auth_type: "oauth2.0", client_id: "i" };
// @ts-expect-error "prefer" is not one of the SSL modes
export const badSsl: PostgresSourceSpec = { ...spec, ssl_mode: "prefer" };
export const guarded = (x: unknown): string => (validate(x) ? x.host : "");
`;

const DEPTH = 400;

let projectDir = "";
let hostileRoot = "";
let result: { status: number | null; output: string } = { status: null, output: "" };

async function add(
  dir: string,
  schema: JsonObject,
  base: string,
  usage: string,
): Promise<ExportFile[]> {
  const files = await exportFiles(schema, base);
  writeFiles(join(projectDir, dir), files);
  writeFileSync(join(projectDir, dir, "usage.ts"), usage);
  return files;
}

beforeAll(async () => {
  projectDir = scratchDir("tsc");
  writeTsProject(projectDir);
  await add("rest", loadFixture("rest-adapter.schema.json"), "rest-adapter", restUsage);
  const hostileFiles = await exportFiles(loadFixture("hostile.schema.json"), "hostile");
  hostileRoot = /import type \{ (\w+) \}/.exec(hostileFiles[3]!.contents)?.[1] ?? "";
  const hostileUsage = `
import type { ${hostileRoot} as Hostile, Auth, Auth2, AuthProto } from "./hostile.js";
import validate from "./hostile.validate.js";
export const h: Hostile = {
  "constructor": "required",
  "toString": 1,
  "hasOwnProperty": true,
  "valueOf": 1.5,
  "with space": "s",
  "dash-key": "d",
  class: "c",
  "*/": "comment closer as a key",
  '"quoted"': "q",
  "\`tick\` \${x}": "t",
  "</script>": "s",
  "ünïcödé ключ 鍵": "u",
  "": "empty key",
  choice: "*/",
  protoConst: JSON.parse('{"__proto__":{"polluted":true}}'),
  "secret */": "hidden",
  map: { aaa: "x" },
  auth: { kind: "*/", x: "x" },
};
export function which(auth: Auth): string {
  switch (auth.kind) {
    case "*/":
      return (auth satisfies Auth2).x ?? "";
    case "__proto__":
      return (auth satisfies AuthProto)["constructor"] ?? "";
    default:
      return auth.kind;
  }
}
// @ts-expect-error "constructor" is required
export const missing: Hostile = { auth: { kind: "ve" } };
// @ts-expect-error choice is one of the listed values
export const badChoice: Hostile = { ...h, choice: "nope" };
export const guarded = (x: unknown): string => (validate(x) ? x["constructor"] : "");
`;
  writeFiles(join(projectDir, "hostile"), hostileFiles);
  writeFileSync(join(projectDir, "hostile", "usage.ts"), hostileUsage);
  await add("tree", treeSchema, "tree", treeUsage);
  await add("root-choice", rootChoiceSchema, "root-choice", rootChoiceUsage);
  await add("kitchen-sink", kitchenSinkSchema, "kitchen-sink", kitchenSinkUsage);
  await add(
    "vendor-keywords",
    loadFixture("vendor-keywords.schema.json"),
    "vendor-keywords",
    vendorKeywordsUsage,
  );
  const path = Array.from({ length: DEPTH }, (_, i) => `level${i + 1}`).join(".");
  await add(
    "deep",
    deepSchema(DEPTH),
    "deep",
    `import type { Deep } from "./deep.js";
export const read = (d: Deep): string => d.${path}.leaf;
// @ts-expect-error the leaf is a string
export const wrong = (d: Deep): number => d.${path}.leaf;
`,
  );
  result = runTsc(projectDir);
}, 120_000);

describe("generated bindings under tsc --strict", () => {
  test("all exports and usage files compile, and every @ts-expect-error is an error", () => {
    expect(hostileRoot).toMatch(/^Hostile\w+$/);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  test("the harness can fail: a wrong assignment to a generated type is reported", async () => {
    const dir = scratchDir("tsc-negative");
    writeTsProject(dir);
    writeFiles(dir, await exportFiles(loadFixture("rest-adapter.schema.json"), "rest-adapter"));
    writeFileSync(
      join(dir, "usage.ts"),
      `import type { Authentication } from "./rest-adapter.js";\nexport const a: Authentication = { type: "basic", username: "u", password: 1 };\n`,
    );
    const negative = runTsc(dir);
    expect(negative.status).not.toBe(0);
    expect(negative.output).toContain("usage.ts");
  }, 60_000);
});
