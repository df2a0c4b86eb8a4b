import { describe, expect, it } from "vitest";
import { checkSchema, type Finding } from "../../src/check/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { secretValueRefusal } from "../../src/model/secret-values.ts";
import { capitalise } from "../../src/schema/problem-message.ts";

const schema = (text: string) => JSON.parse(text) as JsonObject;
const object = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({
  type: "object",
  properties,
  ...extra,
});
const only = (findings: Finding[], rule: string) =>
  findings.filter((finding) => finding.rule === rule);

describe("secret-not-write-only", () => {
  const flagged = (properties: JsonObject) =>
    only(checkSchema(object(properties)), "secret-not-write-only");

  it.each([
    ["password", {}],
    ["passwd", {}],
    ["clientSecret", {}],
    ["token", {}],
    ["accessToken", {}],
    ["apiKey", {}],
    ["api_key", {}],
    ["API_KEY", {}],
    ["x-api-key", {}],
    ["apikey", {}],
    ["accessKey", {}],
    ["key", {}],
    ["privateKey", {}],
    ["passphrase", {}],
    ["connectionString", {}],
    ["tokenSecret", {}],
    ["secretAccessKey", {}],
    ["dbPasswordValue", {}],
    ["field1", { title: "Password for the service account" }],
    ["field2", { title: "Private key (PEM)" }],
    ["field3", { title: "API key" }],
    ["field4", { title: "Connection string" }],
  ])("warns for %s %j", (key, extra) => {
    const findings = flagged({ [key]: { type: "string", ...extra } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", pointer: `/properties/${key}` });
    expect(findings[0]!.message).toContain(`field "${key}"`);
    expect(findings[0]!.fix).toContain('"writeOnly": true');
  });

  it.each([
    "keyboardLayout",
    "tokenUrl",
    "tokenEndpoint",
    "authorizationUrl",
    "keyName",
    "keyId",
    "accessKeyId",
    "username",
    "passwordPolicy",
    "tokenType",
    "apiKeyHeader",
    "publicKey",
    "partitionKey",
    "nextPageToken",
    "secretName",
    "monkey",
    "tokenizer",
  ])("stays silent for %s", (key) => {
    expect(flagged({ [key]: { type: "string" } })).toEqual([]);
  });

  it("stays silent for write-only secrets, URL fields, selects and non-strings", () => {
    expect(
      flagged({
        password: { type: "string", writeOnly: true },
        token: { type: "string", format: "uri" },
        secret: { type: "string", enum: ["a", "b"] },
        usePassword: { type: "boolean" },
        key: { type: "integer" },
        apiKey: { type: "object", properties: {} },
        field: { type: "string", title: "Token URL" },
      }),
    ).toEqual([]);
  });

  it("finds secrets in nested groups, choices, items and definitions", () => {
    const findings = flagged({
      auth: {
        oneOf: [
          {
            type: "object",
            properties: { type: { const: "basic" }, password: { type: "string" } },
          },
        ],
      },
      group: { type: "object", properties: { token: { type: "string" } } },
      list: {
        type: "array",
        items: { type: "object", properties: { secret: { type: "string" } } },
      },
    });
    expect(findings.map((finding) => finding.pointer)).toEqual([
      "/properties/auth/oneOf/0/properties/password",
      "/properties/group/properties/token",
      "/properties/list/items/properties/secret",
    ]);
    const definitions = checkSchema({
      definitions: { creds: object({ secret: { type: "string" } }) },
    });
    expect(only(definitions, "secret-not-write-only").map((f) => f.pointer)).toEqual([
      "/definitions/creds/properties/secret",
    ]);
  });
});

describe("secret-has-value", () => {
  it.each([
    ["default", { default: "hunter2" }, "Remove the default"],
    ["examples", { examples: ["hunter2"] }, "Remove the examples"],
    ["const", { const: "hunter2" }, "Remove the constant value"],
    ["enum", { enum: ["hunter2"] }, "Remove the single allowed value"],
  ])("is an error for %s, fixed by removing it", (keyword, extra, label) => {
    const findings = only(
      checkSchema(object({ password: { type: "string", writeOnly: true, ...extra } })),
      "secret-has-value",
    );
    expect(findings).toEqual([
      {
        rule: "secret-has-value",
        severity: "error",
        pointer: `/properties/password/${keyword}`,
        message: expect.stringContaining('secret field "password"'),
        fix: expect.stringContaining(`Remove "${keyword}"`),
        autofix: { kind: "remove-secret-value", label },
      },
    ]);
  });

  it("reports every one, wherever it is, in the words the exporter refuses the first with", () => {
    const schema = object(
      {
        auth: {
          oneOf: [
            object({
              type: { const: "basic" },
              password: {
                title: "Password",
                type: "string",
                writeOnly: true,
                examples: ["x"],
                default: "y",
              },
            }),
          ],
        },
      },
      { definitions: { token: { type: "string", writeOnly: true, const: "z" } } },
    );
    const findings = only(checkSchema(schema), "secret-has-value");
    expect(findings.map((finding) => finding.pointer).sort()).toEqual(
      [
        "/properties/auth/oneOf/0/properties/password/examples",
        "/properties/auth/oneOf/0/properties/password/default",
        "/definitions/token/const",
      ].sort(),
    );
    const refusal = secretValueRefusal(schema)!;
    const same = findings.find((finding) => finding.pointer === refusal.pointer)!;
    expect([same.message, same.fix]).toEqual([
      capitalise(refusal.problem),
      capitalise(refusal.fix),
    ]);
  });

  it("allows an enum of several values, and values on non-secrets", () => {
    expect(
      only(
        checkSchema(
          object({
            password: { type: "string", writeOnly: true, enum: ["a", "b"] },
            username: { type: "string", default: "admin", examples: ["admin"] },
          }),
        ),
        "secret-has-value",
      ),
    ).toEqual([]);
  });
});

describe("insecure-url", () => {
  // A warning, not an error: errors are what export refuses, and export writes such a schema.
  it("is a grave warning for an http authorization or token URL default or example", () => {
    const findings = only(
      checkSchema(
        object({
          authorizationUrl: {
            type: "string",
            format: "uri",
            default: "http://login.example.com/authorize",
          },
          tokenEndpoint: {
            type: "string",
            format: "uri",
            examples: ["https://ok.example.com", "http://login.example.com/token"],
          },
          field: {
            type: "string",
            format: "uri",
            title: "OAuth token URL",
            default: "HTTP://x.example.com",
          },
        }),
      ),
      "insecure-url",
    );
    expect(findings.map(({ severity, pointer }) => ({ severity, pointer }))).toEqual([
      { severity: "warning", pointer: "/properties/authorizationUrl/default" },
      { severity: "warning", pointer: "/properties/tokenEndpoint/examples/1" },
      { severity: "warning", pointer: "/properties/field/default" },
    ]);
    expect(findings[0]!.message).toContain("an authorization or token endpoint must use https");
    expect(findings[0]!.fix).toBe('Use "https://login.example.com/authorize"');
    expect(findings[0]!.message).toContain('field "authorizationUrl"');
  });

  it("is a warning for other URLs and silent for https", () => {
    const findings = only(
      checkSchema(
        object({
          baseUrl: { type: "string", format: "uri", default: "http://api.example.com" },
          redirectUri: { type: "string", format: "uri", default: "http://localhost:8080/callback" },
          docsUrl: { type: "string", format: "uri", default: "https://docs.example.com" },
          tokenUrl: {
            type: "string",
            format: "uri",
            examples: ["https://login.example.com/token"],
          },
        }),
      ),
      "insecure-url",
    );
    expect(findings.map(({ severity, pointer }) => ({ severity, pointer }))).toEqual([
      { severity: "warning", pointer: "/properties/baseUrl/default" },
      { severity: "warning", pointer: "/properties/redirectUri/default" },
    ]);
  });
});

describe("unsafe-pattern and invalid-pattern", () => {
  it("reports a catastrophic pattern as an error with the analyser's explanation", () => {
    const findings = checkSchema(object({ id: { type: "string", pattern: "^(\\w|\\d)+$" } }));
    expect(findings).toEqual([
      {
        rule: "unsafe-pattern",
        severity: "error",
        pointer: "/properties/id/pattern",
        message: expect.stringMatching(
          /^The pattern "\^\(\\w\|\\d\)\+\$" of the field "id" can backtrack catastrophically \(exponential time\)/,
        ),
        fix: expect.stringContaining("(\\w|\\d)+ → \\w+"),
      },
    ]);
  });

  it("reports an invalid pattern, a non-string pattern and bad patternProperties keys", () => {
    const findings = checkSchema(
      object(
        { a: { type: "string", pattern: "[a-" }, b: { type: "string", pattern: 5 } },
        { patternProperties: { "^(a+)+$": { type: "string" }, "(": { type: "string" } } },
      ),
    );
    expect(findings.map(({ rule, severity, pointer }) => ({ rule, severity, pointer }))).toEqual([
      { rule: "invalid-pattern", severity: "error", pointer: "/patternProperties/(" },
      { rule: "unsafe-pattern", severity: "error", pointer: "/patternProperties/^(a+)+$" },
      { rule: "invalid-pattern", severity: "error", pointer: "/properties/a/pattern" },
      { rule: "invalid-pattern", severity: "error", pointer: "/properties/b/pattern" },
    ]);
    expect(findings[2]!.message).toContain("is not a valid regular expression");
  });

  it("stays silent on safe patterns", () => {
    expect(
      checkSchema(object({ host: { type: "string", pattern: "^(?:[a-z0-9-]+\\.)+[a-z]{2,}$" } })),
    ).toEqual([]);
  });
});

describe("required-not-in-properties", () => {
  it("points at the required entry and suggests a close key", () => {
    const findings = checkSchema(
      object(
        { host: { type: "string" }, username: { type: "string" } },
        { required: ["host", 7, "usrname", "port"] },
      ),
    );
    expect(findings).toEqual([
      {
        // Not a name: a keyword of the wrong form, which export refuses.
        rule: "not-exportable",
        severity: "error",
        pointer: "/required",
        message: '"required" must be an array of property names',
        fix: 'Change "required" to the form draft-07 expects, or remove it',
      },
      {
        rule: "required-not-in-properties",
        severity: "warning",
        pointer: "/required/2",
        message:
          'The root schema requires "usrname", but has no property "usrname" in "properties" (did you mean "username"?)',
        fix: 'Change "usrname" to "username" in required, or add a property "usrname"',
      },
      {
        rule: "required-not-in-properties",
        severity: "warning",
        pointer: "/required/3",
        message: 'The root schema requires "port", but has no property "port" in "properties"',
        fix: 'Add a property "port" to "properties", or remove "port" from required',
      },
    ]);
  });

  it("accepts keys declared by the parent of a branch, by allOf siblings, or by patternProperties", () => {
    expect(
      checkSchema({
        type: "object",
        properties: { a: { type: "string" }, b: { type: "string" } },
        patternProperties: { "^x-": {} },
        required: ["x-extra"],
        anyOf: [{ required: ["a"] }, { required: ["b"] }],
        allOf: [{ properties: { c: { type: "string" } } }, { required: ["c"] }],
      }),
    ).toEqual([]);
  });

  it("treats __proto__ and constructor as ordinary keys", () => {
    const findings = checkSchema(
      schema(
        '{"type":"object","properties":{"__proto__":{"type":"string"}},"required":["__proto__","constructor","toString"]}',
      ),
    );
    expect(findings.map((finding) => finding.pointer)).toEqual(["/required/1", "/required/2"]);
  });
});

describe("choice-discriminator", () => {
  const branch = (title: string, type: unknown, extra: JsonObject = {}): JsonObject => ({
    title,
    type: "object",
    properties: { type: { const: type as string } },
    required: ["type"],
    ...extra,
  });

  it("warns when the options have no common const property", () => {
    const findings = checkSchema(
      object({
        auth: {
          title: "Authentication",
          oneOf: [
            { title: "Basic", type: "object", properties: { username: { type: "string" } } },
            { title: "Token", type: "object", properties: { kind: { const: "token" } } },
          ],
        },
      }),
    );
    expect(findings).toEqual([
      {
        rule: "choice-discriminator",
        severity: "warning",
        pointer: "/properties/auth/oneOf",
        message: expect.stringContaining(
          'The options of the choice field "auth" (Authentication) have no common discriminator',
        ),
        fix: expect.stringContaining('"type"'),
      },
    ]);
  });

  it("warns on the duplicate value, and for an option that does not require the discriminator", () => {
    const findings = checkSchema(
      object({
        auth: {
          oneOf: [
            branch("None", "none"),
            branch("Basic", "basic"),
            branch("Basic again", "basic", { required: [] }),
          ],
        },
      }),
    );
    expect(findings.map(({ severity, pointer }) => ({ severity, pointer }))).toEqual([
      { severity: "warning", pointer: "/properties/auth/oneOf/2/properties/type/const" },
      { severity: "warning", pointer: "/properties/auth/oneOf/2" },
    ]);
    expect(findings[0]!.message).toBe(
      'Options "Basic" and "Basic again" of the choice field "auth" have the same type "basic", so a value cannot say which one it is',
    );
  });

  it("accepts distinct discriminators, single-value enums and local $refs, and ignores non-object oneOfs", () => {
    expect(
      checkSchema({
        type: "object",
        definitions: { basic: branch("Basic", "basic") },
        properties: {
          auth: {
            oneOf: [
              branch("None", "none"),
              { $ref: "#/definitions/basic" },
              { ...branch("Key", "key"), properties: { type: { enum: ["apiKey"] } } },
            ],
          },
          level: {
            oneOf: [
              { const: "a", title: "A" },
              { const: "b", title: "B" },
            ],
          },
        },
      }),
    ).toEqual([]);
  });

  it("finds duplicates through a $ref", () => {
    const findings = checkSchema({
      definitions: { basic: branch("Basic", "basic") },
      oneOf: [branch("Basic", "basic"), { $ref: "#/definitions/basic" }],
    });
    expect(findings.map(({ severity, pointer }) => ({ severity, pointer }))).toEqual([
      { severity: "warning", pointer: "/oneOf/1" },
    ]);
  });
});

describe("duplicate-title", () => {
  const flagged = (schema: JsonObject) => only(checkSchema(schema), "duplicate-title");

  it("warns at the second field's title, naming both fields and how to fix it", () => {
    const findings = flagged(
      object({
        tenantId: { type: "string", title: "Tenant ID" },
        region: { type: "string", title: "Region" },
        tenantId2: { type: "string", title: "Tenant ID" },
      }),
    );
    expect(findings).toEqual([
      {
        rule: "duplicate-title",
        severity: "warning",
        pointer: "/properties/tenantId2/title",
        message:
          'The fields "tenantId" and "tenantId2" of the root schema have the same title, "Tenant ID", so whoever fills in the form cannot tell them apart',
        fix: 'Give "tenantId2" a title that says how it differs from "tenantId"',
      },
    ]);
  });

  it("counts titles that differ only in case, spaces or width as the same; each later one names the first", () => {
    const findings = flagged(
      object({
        a: { type: "string", title: "Tenant ID" },
        b: { type: "string", title: " tenant  id " },
        c: { type: "string", title: "ＴＥＮＡＮＴ ID" },
      }),
    );
    expect(findings.map((finding) => finding.pointer)).toEqual([
      "/properties/b/title",
      "/properties/c/title",
    ]);
    expect(findings.every((finding) => finding.message.includes('"a" and'))).toBe(true);
  });

  it("looks in groups and choice branches, each object on its own", () => {
    const findings = flagged(
      object({
        token: { type: "string", title: "Token" },
        settings: object(
          { token: { type: "string", title: "Token" }, other: { type: "string", title: "Token" } },
          { title: "Settings" },
        ),
        auth: {
          title: "Authentication",
          oneOf: [
            object(
              { a: { type: "string", title: "Key" }, b: { type: "string", title: "Key" } },
              { title: "Basic" },
            ),
            object({ a: { type: "string", title: "Key" } }, { title: "API key" }),
          ],
        },
      }),
    );
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [
        "/properties/settings/properties/other/title",
        'The fields "token" and "other" of the field "settings" (Settings) have the same title, "Token", so whoever fills in the form cannot tell them apart',
      ],
      [
        "/properties/auth/oneOf/0/properties/b/title",
        'The fields "a" and "b" of the option "Basic" of field "auth" (Authentication) have the same title, "Key", so whoever fills in the form cannot tell them apart',
      ],
    ]);
  });

  it("treats __proto__ and constructor as ordinary keys", () => {
    const findings = flagged(
      schema(
        '{"type": "object", "properties": {"__proto__": {"title": "Same"}, "constructor": {"title": "Same"}, "toString": {"title": "Other"}}}',
      ),
    );
    expect(findings.map((finding) => [finding.pointer, finding.fix])).toEqual([
      [
        "/properties/constructor/title",
        'Give "constructor" a title that says how it differs from "__proto__"',
      ],
    ]);
  });

  it("stays silent for distinct titles, untitled fields, empty titles and titles that are not text", () => {
    expect(
      flagged(
        object({
          a: { type: "string", title: "User name" },
          b: { type: "string", title: "Username" },
          c: { type: "string" },
          d: { type: "string" },
          e: { type: "string", title: " " },
          f: { type: "string", title: "" },
          g: { type: "string", title: 1 },
          h: { type: "string", title: 1 },
          i: true,
          j: true,
        }),
      ),
    ).toEqual([]);
  });
});

describe("keys-differ-in-case", () => {
  const flagged = (schema: JsonObject) => only(checkSchema(schema), "keys-differ-in-case");

  it("warns at the later key, naming both, why (VB.NET) and how to fix it", () => {
    expect(
      flagged(
        object({
          apiKey: { type: "string" },
          region: { type: "string" },
          ApiKey: { type: "string" },
          APIKEY: { type: "string" },
        }),
      ),
    ).toEqual([
      {
        rule: "keys-differ-in-case",
        severity: "warning",
        pointer: "/properties/ApiKey",
        message:
          'The keys "apiKey" and "ApiKey" of the root schema differ only in case: an adapter written in VB.NET, whose names ignore case, cannot tell them apart',
        fix: 'Rename "ApiKey" so that it differs from "apiKey" by more than case',
      },
      {
        rule: "keys-differ-in-case",
        severity: "warning",
        pointer: "/properties/APIKEY",
        message:
          'The keys "apiKey" and "APIKEY" of the root schema differ only in case: an adapter written in VB.NET, whose names ignore case, cannot tell them apart',
        fix: 'Rename "APIKEY" so that it differs from "apiKey" by more than case',
      },
    ]);
  });

  it("looks in groups, and in a branch counts the keys around the choice, not the other branches'", () => {
    const findings = flagged(
      object(
        {
          token: { type: "string" },
          settings: object({ host: { type: "string" }, Host: { type: "string" } }),
        },
        {
          oneOf: [
            object({ type: { const: "a" }, TOKEN: { type: "string" } }, { title: "A" }),
            object({ type: { const: "b" }, user: { type: "string" } }, { title: "B" }),
            object({ type: { const: "c" }, User: { type: "string" } }, { title: "C" }),
          ],
        },
      ),
    );
    expect(findings.map((finding) => [finding.pointer, finding.message])).toEqual([
      [
        "/properties/settings/properties/Host",
        'The keys "host" and "Host" of the field "settings" differ only in case: an adapter written in VB.NET, whose names ignore case, cannot tell them apart',
      ],
      [
        "/oneOf/0/properties/TOKEN",
        'The keys "token" and "TOKEN" of the option "A" of root schema differ only in case: an adapter written in VB.NET, whose names ignore case, cannot tell them apart',
      ],
    ]);
  });

  it("folds case letter by letter beyond ASCII, as VB.NET does, and treats __proto__ as an ordinary key", () => {
    const findings = flagged(
      schema(
        '{"type": "object", "properties": {"__proto__": {}, "__PROTO__": {}, "straße": {}, "STRAßE": {}, "größe": {}, "GRÖSSE": {}, "Ωmega": {}, "ωMEGA": {}}}',
      ),
    );
    expect(findings.map((finding) => finding.pointer)).toEqual([
      "/properties/__PROTO__",
      "/properties/STRAßE",
      "/properties/ωMEGA",
    ]);
  });

  it("stays silent for keys that differ by more than case, and for one key in a branch and around it", () => {
    expect(
      flagged(
        object(
          { api_key: { type: "string" }, apiKey: { type: "string" }, type: { type: "string" } },
          { oneOf: [object({ type: { const: "a" } }), object({ type: { const: "b" } })] },
        ),
      ),
    ).toEqual([]);
  });
});

describe("a good schema", () => {
  it("has no findings", () => {
    const good = object(
      {
        baseUrl: {
          type: "string",
          format: "uri",
          title: "Base URL",
          pattern: "^https://",
          examples: ["https://api.example.com"],
        },
        auth: {
          title: "Authentication",
          oneOf: [
            {
              title: "None",
              type: "object",
              properties: { type: { const: "none" } },
              required: ["type"],
              additionalProperties: false,
            },
            {
              title: "Basic",
              type: "object",
              properties: {
                type: { const: "basic" },
                username: { type: "string", title: "Username" },
                password: { type: "string", title: "Password", writeOnly: true },
              },
              required: ["type", "username", "password"],
              additionalProperties: false,
            },
          ],
        },
      },
      { required: ["baseUrl", "auth"] },
    );
    expect(checkSchema(good)).toEqual([]);
  });
});
