import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CSHARP_KEYWORDS,
  checkNamespace,
  identifierFrom,
  NameScope,
  pascalCase,
  RESERVED_MEMBER_NAMES,
} from "../../../src/export/csharp/names.ts";
import { SchemaProblem } from "../../../src/json/problem.ts";

const IDENTIFIER = /^[A-Z_][A-Za-z0-9_]*$/;

describe("pascalCase: .NET casing", () => {
  it.each([
    ["REST API", "RestApi"],
    ["baseUrl", "BaseUrl"],
    ["client_id", "ClientId"],
    ["OAuth 1.0a", "OAuth1_0A"],
    ["HTTPServer", "HttpServer"],
    ["IO port", "IOPort"],
    ["api-key", "ApiKey"],
    ["x", "X"],
    ["ключ", ""],
    ["", ""],
    ["2fa code", "2FaCode"],
  ])("%j → %j", (text, name) => {
    expect(pascalCase(text)).toBe(name);
  });

  it("starts a name that would begin with a digit with an underscore, and falls back when nothing is left", () => {
    expect(identifierFrom("2fa", "Field")).toBe("_2Fa");
    expect(identifierFrom("@@@", "Field")).toBe("Field");
    expect(identifierFrom("@class", "Field")).toBe("Class");
  });
});

describe("NameScope", () => {
  it("numbers later claimants of a taken name, and never hands out a reserved one", () => {
    const scope = new NameScope(["ToString", "RestApi"]);
    expect(scope.claim("ApiKey")).toBe("ApiKey");
    expect(scope.claim("ApiKey")).toBe("ApiKey2");
    expect(scope.claim("ApiKey")).toBe("ApiKey3");
    expect(scope.claim("ToString")).toBe("ToString2");
    expect(scope.claim("RestApi")).toBe("RestApi2");
  });

  it("property: any keys get valid, distinct C# identifiers that are never keywords or reserved", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: "binary" }), { maxLength: 12 }),
        fc.string(),
        (keys, className) => {
          const type = identifierFrom(className, "Credentials");
          const scope = new NameScope([...RESERVED_MEMBER_NAMES, type]);
          const names = keys.map((key) => scope.claim(identifierFrom(key, "Field")));
          for (const name of names) {
            expect(name).toMatch(IDENTIFIER);
            expect(CSHARP_KEYWORDS.has(name)).toBe(false);
            expect(RESERVED_MEMBER_NAMES.has(name)).toBe(false);
            expect(name).not.toBe(type);
          }
          expect(new Set(names).size).toBe(names.length);
        },
      ),
    );
  });

  it("gives two keys that differ only in case distinct names", () => {
    const scope = new NameScope();
    expect([
      scope.claim(identifierFrom("apiKey", "F")),
      scope.claim(identifierFrom("ApiKey", "F")),
    ]).toEqual(["ApiKey", "ApiKey2"]);
  });
});

describe("checkNamespace", () => {
  it.each(["Connector.Credentials", "Contoso", "A.B_c.D9", "_x"])("accepts %j", (namespace) => {
    expect(() => checkNamespace(namespace)).not.toThrow();
  });

  it.each([
    ["", "empty part"],
    ["A..B", "empty part"],
    ["A.", "empty part"],
    ["A.class", '"class" is a C# keyword'],
    ["9A", '"9A" is not a C# identifier'],
    ["A-B", '"A-B" is not a C# identifier'],
    ["Ä.B", '"Ä" is not a C# identifier'],
    ["A B", '"A B" is not a C# identifier'],
  ])("refuses %j with a SchemaProblem that says why and how to fix it", (namespace, why) => {
    let problem: unknown;
    try {
      checkNamespace(namespace);
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(SchemaProblem);
    expect((problem as SchemaProblem).problem).toContain(why);
    expect((problem as SchemaProblem).fix).toMatch(/dotted identifiers/);
  });
});
