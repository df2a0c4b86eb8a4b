import { readdirSync, readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { checkSchema, walkSchema } from "../../src/check/index.ts";
import { secretTerm } from "../../src/check/names.ts";
import { isJsonObject, type JsonObject, ownValue } from "../../src/json/value.ts";

const directory = new URL("../../schemas/", import.meta.url);
const files = readdirSync(directory)
  .filter((name) => name.endsWith(".json"))
  .sort();
const load = (name: string) =>
  JSON.parse(readFileSync(new URL(name, directory), "utf8")) as JsonObject;

const EXPECTED = [
  "api-key.json",
  "basic-auth.json",
  "bearer-token.json",
  "database-connection-string.json",
  "oauth1.json",
  "oauth2-authorization-code.json",
  "oauth2-client-credentials.json",
  "rest-adapter.json",
  "sftp.json",
];

function newAjv() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

describe("schemas/ templates", () => {
  it("has every template", () => {
    expect(files).toEqual(expect.arrayContaining(EXPECTED));
  });

  describe.each(files)("%s", (name) => {
    const text = readFileSync(new URL(name, directory), "utf8");
    const schema = load(name);

    it("is pretty-printed as JSON.stringify(schema, null, 2) with a final newline", () => {
      expect(text).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    });

    it("is a valid draft-07 schema that ajv compiles", () => {
      expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
      const ajv = newAjv();
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
      expect(() => ajv.compile(schema)).not.toThrow();
    });

    it("has a title, description, object type, properties, required and no extra properties", () => {
      expect(typeof schema.title).toBe("string");
      expect(typeof schema.description).toBe("string");
      expect(schema.type).toBe("object");
      expect(isJsonObject(schema.properties)).toBe(true);
      expect(Array.isArray(schema.required)).toBe(true);
      expect(schema.additionalProperties).toBe(false);
    });

    it("passes checkSchema without errors or warnings", () => {
      expect(checkSchema(schema)).toEqual([]);
    });

    it("follows the document-model conventions", () => {
      for (const node of walkSchema(schema)) {
        const s = node.schema;
        const where = node.pointer;
        // A branch's discriminator is no field a user sees: its branch's title names it.
        const discriminator = node.key === "type" && ownValue(s, "const") !== undefined;
        if (node.key !== undefined && !discriminator)
          expect(typeof ownValue(s, "title"), `${where} has a title`).toBe("string");
        if (ownValue(s, "writeOnly") === true) {
          for (const keyword of ["default", "examples", "const", "enum"])
            expect(ownValue(s, keyword), `${where} ${keyword}`).toBeUndefined();
        } else if (
          node.key !== undefined &&
          s.type === "string" &&
          s.format === undefined &&
          !s.enum
        ) {
          expect(secretTerm(node.key), `${where} looks like a secret`).toBeUndefined();
        }
        if (ownValue(s, "format") === "uri") expect(s.type).toBe("string");
        if (ownValue(s, "x-widget") === "pem") {
          expect(s).toMatchObject({
            type: "string",
            writeOnly: true,
            contentMediaType: "application/x-pem-file",
          });
        }
        if (ownValue(s, "x-widget") === "connection-string")
          expect(s).toMatchObject({ type: "string", writeOnly: true });
        const values = ownValue(s, "enum");
        if (Array.isArray(values) && values.length > 1) {
          expect(s.type, `${where} select`).toBe("string");
          expect(ownValue(s, "x-enumNames"), `${where} x-enumNames`).toHaveLength(values.length);
          if (s.default !== undefined) expect(values).toContain(s.default);
        }
        if (s.type === "array") expect(isJsonObject(s.items)).toBe(true);
        const options = ownValue(s, "oneOf");
        if (Array.isArray(options)) {
          expect(typeof s.title, `${where} choice title`).toBe("string");
          for (const option of options) {
            expect(option).toMatchObject({
              type: "object",
              additionalProperties: false,
              title: expect.any(String),
            });
            const discriminator = ((option as JsonObject).properties as JsonObject)
              .type as JsonObject;
            expect(discriminator.const).toMatch(/^[a-z][A-Za-z0-9]*$/);
            // The shape the designer writes: no title of its own (its branch's title names it).
            expect(Object.keys(discriminator), `${where} discriminator`).toEqual(["type", "const"]);
            expect(discriminator.type).toBe("string");
            expect((option as JsonObject).required).toContain("type");
          }
        }
      }
    });

    it("accepts its own defaults and examples", () => {
      const ajv = newAjv();
      for (const node of walkSchema(schema)) {
        if (node.schema === schema) continue;
        const validate = ajv.compile(node.schema);
        const defaultValue = ownValue(node.schema, "default");
        if (defaultValue !== undefined)
          expect(validate(defaultValue), `${node.pointer}/default`).toBe(true);
        const examples = ownValue(node.schema, "examples");
        if (Array.isArray(examples))
          for (const example of examples)
            expect(validate(example), `${node.pointer}/examples`).toBe(true);
      }
    });
  });
});

describe("templates validate real credentials", () => {
  const validator = (name: string) => newAjv().compile(load(name));

  it("rest-adapter: each auth option is chosen by its type", () => {
    const validate = validator("rest-adapter.json");
    expect(validate({ baseUrl: "https://api.example.com", auth: { type: "none" } })).toBe(true);
    expect(
      validate({
        baseUrl: "https://api.example.com",
        auth: { type: "basic", username: "u", password: "p" },
      }),
    ).toBe(true);
    expect(
      validate({
        baseUrl: "https://api.example.com",
        auth: {
          type: "oauth1",
          consumerKey: "k",
          consumerSecret: "s",
          signatureMethod: "HMAC-SHA1",
        },
      }),
    ).toBe(true);
    expect(
      validate({
        baseUrl: "https://api.example.com",
        auth: {
          type: "oauth2",
          grantType: "client_credentials",
          tokenUrl: "https://login.example.com/token",
          clientId: "c",
          scopes: ["read"],
        },
      }),
    ).toBe(true);
    expect(
      validate({ baseUrl: "https://api.example.com", auth: { type: "basic", username: "u" } }),
    ).toBe(false);
    expect(validate({ baseUrl: "http://api.example.com", auth: { type: "none" } })).toBe(false);
    expect(validate({ baseUrl: "https://api.example.com", auth: { type: "digest" } })).toBe(false);
  });

  it("sftp: password or private key", () => {
    const validate = validator("sftp.json");
    const base = { host: "sftp.example.com", port: 22, username: "transfer" };
    expect(validate({ ...base, auth: { type: "password", password: "p" } })).toBe(true);
    expect(
      validate({
        ...base,
        auth: {
          type: "privateKey",
          privateKey:
            "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n",
          passphrase: "x",
        },
      }),
    ).toBe(true);
    expect(validate({ ...base, auth: { type: "privateKey", privateKey: "not a key" } })).toBe(
      false,
    );
    expect(validate({ ...base, port: 70000, auth: { type: "password", password: "p" } })).toBe(
      false,
    );
    expect(
      validate({ ...base, host: "not a host!", auth: { type: "password", password: "p" } }),
    ).toBe(false);
  });

  it("api-key, basic-auth, bearer-token, oauth and database templates", () => {
    expect(validator("api-key.json")({ apiKey: "k", in: "query", name: "api_key" })).toBe(true);
    expect(validator("api-key.json")({ apiKey: "k", in: "cookie", name: "k" })).toBe(false);
    expect(validator("basic-auth.json")({ username: "a:b", password: "p" })).toBe(false);
    expect(validator("bearer-token.json")({ token: "eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl" })).toBe(
      true,
    );
    expect(
      validator("oauth1.json")({
        consumerKey: "k",
        consumerSecret: "s",
        signatureMethod: "RSA-SHA1",
      }),
    ).toBe(false);
    expect(
      validator("oauth2-authorization-code.json")({
        authorizationUrl: "https://login.example.com/authorize",
        tokenUrl: "https://login.example.com/token",
        clientId: "c",
        pkceMethod: "S256",
        scopes: ["openid", "profile"],
      }),
    ).toBe(true);
    expect(
      validator("oauth2-client-credentials.json")({
        tokenUrl: "https://login.example.com/token",
        clientId: "c",
        clientSecret: "s",
      }),
    ).toBe(true);
    expect(
      validator("oauth2-client-credentials.json")({
        tokenUrl: "http://login.example.com/token",
        clientId: "c",
        clientSecret: "s",
      }),
    ).toBe(false);
    const database = validator("database-connection-string.json");
    expect(
      database({
        engine: "postgresql",
        connectionString: "postgresql://user:pw@db.example.com:5432/app",
      }),
    ).toBe(true);
    expect(
      database({
        engine: "sqlserver",
        connectionString: "Server=db;Database=app;User Id=u;Password=p;",
      }),
    ).toBe(true);
    expect(database({ engine: "sqlserver", connectionString: "just some text" })).toBe(false);
  });
});
