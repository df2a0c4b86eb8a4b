import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compile } from "../../src/preview/ajv.ts";
import { requiredErrors } from "../../src/preview/messages.ts";
import { toFieldErrors } from "../../src/preview/sentences.ts";
import type { JsonSchema, ValidationError } from "../../src/preview/types.ts";

const rest = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../schemas/rest-adapter.json"), "utf8"),
) as JsonSchema;

/** Validates with ajv (the form's fallback) and returns the messages by path. */
function messages(schema: JsonSchema, value: unknown): Record<string, string> {
  const validate = compile(schema);
  validate(value);
  return Object.fromEntries(
    toFieldErrors(validate.errors, schema, value).map((e) => [e.path, e.message]),
  );
}

const field = (s: object, required = true): JsonSchema => ({
  type: "object",
  properties: { f: s },
  required: required ? ["f"] : [],
});
const one = (s: object, v: unknown) => messages(field(s), { f: v })["/f"];

describe("each keyword in words, named by the field's title", () => {
  test("required", () => {
    expect(messages(field({ type: "string", title: "User name" }), {})).toEqual({
      "/f": "User name is required",
    });
    expect(messages(field({ type: "string" }), {})).toEqual({ "/f": "F is required" });
    expect(
      messages(
        { type: "object", properties: { clientId: { type: "string" } }, required: ["clientId"] },
        {},
      ),
    ).toEqual({ "/clientId": "Client id is required" });
  });

  test("type", () => {
    expect(one({ type: "integer", title: "Port" }, 1.5)).toBe("Port must be a whole number");
    expect(one({ type: "number", title: "Ratio" }, "x")).toBe("Ratio must be a number");
    expect(one({ type: "string", title: "Name" }, 1)).toBe("Name must be text");
    expect(one({ type: "boolean", title: "On" }, 1)).toBe("On must be yes or no");
    expect(one({ type: "array", title: "Scopes" }, 1)).toBe("Scopes must be a list");
    expect(one({ type: "object", title: "Proxy" }, 1)).toBe("Proxy must be a group of fields");
  });

  test("format, with the field's example when it is a valid one, else a generic one", () => {
    expect(one({ type: "string", format: "uri", title: "Base URL" }, "nope")).toBe(
      "Base URL must be a URL, like https://api.example.com",
    );
    expect(
      one(
        {
          type: "string",
          format: "uri",
          title: "Base URL",
          examples: ["https://crm.example.org/api"],
        },
        "nope",
      ),
    ).toBe("Base URL must be a URL, like https://crm.example.org/api");
    expect(
      one({ type: "string", format: "uri", title: "Base URL", examples: ["not a url"] }, "nope"),
    ).toBe("Base URL must be a URL, like https://api.example.com");
    // the example must also match the field's own pattern
    expect(
      one(
        {
          type: "string",
          format: "uri",
          pattern: "^https://",
          title: "Base URL",
          examples: ["http://x.example"],
        },
        "nope",
      ),
    ).toBe("Base URL must be a URL, like https://api.example.com");
    expect(one({ type: "string", format: "email", title: "Email" }, "ops@")).toBe(
      "Email must be an email address, like name@example.com",
    );
    expect(one({ type: "string", format: "hostname", title: "Host name" }, "-x-")).toBe(
      "Host name must be a host name, like api.example.com",
    );
    expect(
      one(
        { type: "string", format: "hostname", title: "Host", examples: ["sftp.example.com"] },
        "-x-",
      ),
    ).toBe("Host must be a host name, like sftp.example.com");
    expect(one({ type: "string", format: "date", title: "Start" }, "2023-02-30")).toBe(
      "Start must be a date, like 2024-01-31",
    );
    expect(one({ type: "string", format: "ipv4", title: "Address" }, "1.2.3")).toBe(
      "Address must be an IPv4 address, like 192.0.2.1",
    );
    // a secret's example is never shown
    expect(
      one(
        {
          type: "string",
          format: "uri",
          writeOnly: true,
          title: "Webhook",
          examples: ["https://hooks.example.com/T0/B0"],
        },
        "x",
      ),
    ).toBe("Webhook must be a URL, like https://api.example.com");
  });

  test("lengths, bounds and multiples", () => {
    expect(one({ type: "string", title: "Password", minLength: 8 }, "short")).toBe(
      "Password must be at least 8 characters",
    );
    expect(one({ type: "string", title: "Name", minLength: 1 }, "")).toBe("Name must not be empty");
    expect(one({ type: "string", title: "Code", maxLength: 1 }, "ab")).toBe(
      "Code must be at most 1 character",
    );
    expect(one({ type: "integer", title: "Port", minimum: 1 }, 0)).toBe("Port must be at least 1");
    expect(one({ type: "integer", title: "Port", maximum: 65535 }, 70000)).toBe(
      "Port must be at most 65535",
    );
    expect(one({ type: "number", title: "Ratio", exclusiveMinimum: 0 }, 0)).toBe(
      "Ratio must be greater than 0",
    );
    expect(one({ type: "number", title: "Ratio", exclusiveMaximum: 1 }, 1)).toBe(
      "Ratio must be less than 1",
    );
    expect(one({ type: "integer", title: "Step", multipleOf: 5 }, 7)).toBe(
      "Step must be a multiple of 5",
    );
  });

  test("enum with its labels, const", () => {
    expect(
      one(
        {
          type: "string",
          title: "Region",
          enum: ["eu", "us"],
          "x-enumNames": ["Europe", "United States"],
        },
        "mars",
      ),
    ).toBe("Region must be one of Europe, United States");
    expect(one({ type: "string", title: "Region", enum: ["eu", "us"] }, "mars")).toBe(
      "Region must be one of eu, us",
    );
    expect(one({ title: "Version", const: "v2" }, "v1")).toBe("Version must be v2");
  });

  test("pattern: never the regex, with the field's description when there is one", () => {
    expect(one({ type: "string", title: "Client ID", pattern: "^[a-f0-9]{32}$" }, "xyz")).toBe(
      "Client ID is not in the expected format",
    );
    expect(
      one(
        {
          type: "string",
          title: "Client ID",
          pattern: "^[a-f0-9]{32}$",
          description: "32 hexadecimal digits, from the app's settings page.",
        },
        "xyz",
      ),
    ).toBe(
      "Client ID is not in the expected format. 32 hexadecimal digits, from the app's settings page.",
    );
  });

  test("lists: items, counts, duplicates", () => {
    const list = {
      type: "array",
      title: "Scopes",
      items: { type: "string", minLength: 1, pattern: "^[a-z]+$" },
      minItems: 1,
      maxItems: 2,
      uniqueItems: true,
    };
    expect(one(list, [])).toBe("Scopes must have at least 1 item");
    expect(one(list, ["a", "b", "c"])).toBe("Scopes must have at most 2 items");
    expect(one(list, ["a", "a"])).toBe("Scopes must not list the same item twice (items 1 and 2)");
    expect(messages(field(list), { f: ["a", ""] })).toEqual({
      "/f/1": "Scopes item 2 must not be empty",
    });
    expect(messages(field(list), { f: ["a", "B"] })).toEqual({
      "/f/1": "Scopes item 2 is not in the expected format",
    });
  });

  test("unexpected fields, other keywords, and errors about the whole value", () => {
    expect(
      messages({ type: "object", title: "REST API", additionalProperties: false }, { extra: 1 }),
    ).toEqual({ "": "REST API has a field it does not allow: extra" });
    expect(messages({ type: "object", additionalProperties: false }, { extra: 1 })).toEqual({
      "": "The form has a field it does not allow: extra",
    });
    expect(one({ type: "string", title: "Mode", not: { const: "x" } }, "x")).toBe(
      "Mode is not valid",
    );
    expect(one({ type: "object", title: "Proxy", minProperties: 2 }, {})).toBe(
      "Proxy is not valid",
    );
  });

  test("an error deep inside a custom field lands on that field", () => {
    const schema = field(
      { title: "Extra", type: "object", additionalProperties: { type: "number" } },
      false,
    );
    // a group without properties: errors land on the group
    expect(messages(schema, { f: { a: "x" } })).toEqual({ "/f": "Extra must be a number" });
    const custom = field(
      { title: "Headers", type: ["object", "null"], additionalProperties: { type: "string" } },
      false,
    );
    expect(messages(custom, { f: { a: 1 } })).toEqual({ "/f": "Headers must be text" });
  });

  test("one message per field: the most basic error first", () => {
    const s = {
      type: "string",
      title: "Base URL",
      format: "uri",
      pattern: "^https://",
      maxLength: 50,
    };
    expect(one(s, "not a url")).toBe("Base URL must be a URL, like https://api.example.com");
    expect(one(s, "http://x")).toBe("Base URL is not in the expected format");
  });

  test("never ajv's own words, never the value", () => {
    const value = {
      baseUrl: "SECRET-marker not a url",
      auth: { type: "basic", username: "SECRET:marker", password: "" },
      timeoutSeconds: 0.5,
    };
    const all = Object.values(messages(rest, value)).join("\n");
    expect(all).not.toMatch(/must match|must NOT|oneOf|constant|SECRET|marker/);
  });
});

describe("a choice reports the errors of the chosen branch only", () => {
  test("basic chosen: its missing fields, nothing about oneOf, const or the other methods", () => {
    expect(messages(rest, { baseUrl: "https://api.example.com", auth: { type: "basic" } })).toEqual(
      {
        "/auth/username": "Username is required",
        "/auth/password": "Password is required",
      },
    );
    expect(
      messages(rest, {
        baseUrl: "https://api.example.com",
        auth: { type: "basic", username: "a:b", password: "p" },
      }),
    ).toEqual({
      "/auth/username":
        "Username is not in the expected format. The account to sign in as. It cannot contain a colon.",
    });
  });

  test("a valid branch has no errors at all", () => {
    expect(messages(rest, { baseUrl: "https://api.example.com", auth: { type: "none" } })).toEqual(
      {},
    );
    expect(
      messages(rest, {
        baseUrl: "https://api.example.com",
        auth: {
          type: "oauth2",
          grantType: "client_credentials",
          tokenUrl: "https://x.example/t",
          clientId: "c",
        },
      }),
    ).toEqual({});
  });

  test("an unknown method: one message naming the methods", () => {
    expect(
      messages(rest, { baseUrl: "https://api.example.com", auth: { type: "digest" } }),
    ).toEqual({
      "/auth": "Authentication must be one of None, Basic, OAuth 1.0a, OAuth 2.0",
    });
  });

  test("branches that are $refs and fields that are $refs are told apart", () => {
    const schema: JsonSchema = {
      type: "object",
      definitions: {
        secret: { type: "string", writeOnly: true, minLength: 8, title: "Password" },
        pinCode: { type: "string", pattern: "^\\d+$", title: "Password" },
        basic: {
          title: "Basic",
          type: "object",
          properties: { type: { const: "basic" }, password: { $ref: "#/definitions/secret" } },
          required: ["type", "password"],
        },
        pin: {
          title: "PIN",
          type: "object",
          properties: { type: { const: "pin" }, password: { $ref: "#/definitions/pinCode" } },
          required: ["type", "password"],
        },
      },
      properties: {
        auth: {
          title: "Sign-in",
          oneOf: [{ $ref: "#/definitions/basic" }, { $ref: "#/definitions/pin" }],
        },
      },
    };
    // "abc" breaks both branches' password rules; only the chosen branch's is reported
    expect(messages(schema, { auth: { type: "basic", password: "abc" } })).toEqual({
      "/auth/password": "Password must be at least 8 characters",
    });
    expect(messages(schema, { auth: { type: "pin", password: "abc" } })).toEqual({
      "/auth/password": "Password is not in the expected format",
    });
    expect(messages(schema, { auth: { type: "pin" } })).toEqual({
      "/auth/password": "Password is required",
    });
  });

  test("a choice without a discriminator uses the branch the form picked", () => {
    const schema: JsonSchema = {
      type: "object",
      properties: {
        auth: {
          title: "Sign-in",
          oneOf: [
            {
              title: "Key",
              type: "object",
              properties: { key: { type: "string", title: "Key" } },
              required: ["key"],
              additionalProperties: false,
            },
            {
              title: "Token",
              type: "object",
              properties: { token: { type: "string", title: "Token" } },
              required: ["token"],
              additionalProperties: false,
            },
          ],
        },
      },
    };
    const validate = compile(schema);
    validate({ auth: {} });
    expect(toFieldErrors(validate.errors, schema, { auth: {} }, () => 1)).toEqual([
      { path: "/auth/token", message: "Token is required" },
    ]);
    expect(toFieldErrors(validate.errors, schema, { auth: {} }, () => 0)).toEqual([
      { path: "/auth/key", message: "Key is required" },
    ]);
  });
});

describe("hand-made errors (as a standalone validator reports them)", () => {
  const schema: JsonSchema = field({ type: "string", title: "Token" });
  const error = (keyword: string, params: ValidationError["params"]): ValidationError => ({
    keyword,
    params,
    instancePath: "/f",
    schemaPath: `#/properties/f/${keyword}`,
    message: "raw ajv text",
  });
  test("unknown keywords and errors with odd params still read as words", () => {
    expect(toFieldErrors([error("x-custom", {})], schema, {})).toEqual([
      { path: "/f", message: "Token is not valid" },
    ]);
    expect(toFieldErrors([error("format", { format: "x-made-up" })], schema, {})).toEqual([
      { path: "/f", message: "Token is not in the expected format" },
    ]);
    expect(toFieldErrors(null, schema, {})).toEqual([]);
  });
  test("errors at paths the schema does not describe land on the nearest field", () => {
    expect(
      toFieldErrors(
        [
          {
            keyword: "type",
            params: { type: "string" },
            instancePath: "/f/deep/er",
            schemaPath: "#/x",
          },
        ],
        schema,
        {},
      ),
    ).toEqual([{ path: "/f", message: "Token must be text" }]);
    expect(
      toFieldErrors(
        [
          {
            keyword: "type",
            params: { type: "object" },
            instancePath: "/nowhere",
            schemaPath: "#/x",
          },
        ],
        schema,
        {},
      ),
    ).toEqual([{ path: "", message: "The form must be a group of fields" }]);
  });
});

describe("requiredErrors: what the form checks before ajv has loaded", () => {
  test("missing required fields of the groups and of the chosen branch, as ajv reports them", () => {
    const value = { auth: { type: "basic", username: "u" } };
    const ours = toFieldErrors(requiredErrors(rest, value), rest, value);
    expect(ours).toEqual([
      { path: "/baseUrl", message: "Base URL is required" },
      { path: "/auth/password", message: "Password is required" },
    ]);
    const validate = compile(rest);
    validate(value);
    expect(
      toFieldErrors(
        validate.errors!.filter((e) => e.keyword === "required"),
        rest,
        value,
      ),
    ).toEqual(expect.arrayContaining(ours));
  });
});
