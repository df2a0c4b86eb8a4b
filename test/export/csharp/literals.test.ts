import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csDouble, csString, docComment, xmlText } from "../../../src/export/csharp/literals.ts";

/** Reads a regular C# string literal back, as the C# compiler would (the escapes csString uses). */
function readCsString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const body = literal.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char === '"') throw new Error(`an unescaped quote at ${i}`);
    if (char !== "\\") {
      out += char;
      continue;
    }
    const next = body[++i];
    if (next === '"' || next === "\\") out += next;
    else if (next === "u") {
      out += String.fromCharCode(Number.parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else throw new Error(`unknown escape \\${next}`);
  }
  return out;
}

describe("csString", () => {
  it("escapes quotes, backslashes, control characters and every C# line terminator", () => {
    expect(csString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(csString("\n\r\t\u0000")).toBe('"\\u000a\\u000d\\u0009\\u0000"');
    expect(csString("\u0085\u2028\u2029")).toBe('"\\u0085\\u2028\\u2029"');
    expect(csString("*/ <x> @class")).toBe('"*/ <x> @class"');
  });

  it("property: any string (lone surrogates included) reads back exactly from printable ASCII", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const literal = csString(text);
        expect(literal).toMatch(/^[\x20-\x7e]*$/);
        expect(readCsString(literal)).toBe(text);
      }),
    );
  });
});

describe("csDouble", () => {
  it("writes whole numbers within 2^53 as literals, any other through the exact reader", () => {
    expect(csDouble(300)).toBe("300d");
    expect(csDouble(-(2 ** 53) + 1)).toBe("-9007199254740991d");
    expect(csDouble(1.5)).toBe('CredentialNumber.Parse("1.5")');
    expect(csDouble(0.1)).toBe('CredentialNumber.Parse("0.1")');
    expect(csDouble(1e21)).toBe('CredentialNumber.Parse("1e+21")');
    expect(csDouble(-0)).toBe("-0d");
    expect(() => csDouble(Number.NaN)).toThrow();
  });
});

describe("docComment", () => {
  it("escapes XML and prefixes every line, whatever line break the text uses", () => {
    const text = docComment(
      "    ",
      "a <b> & c */",
      "one\ntwo\r\nthree\rfour\u0085five\u2028six\u2029seven",
    );
    expect(text).toBe(
      [
        "    /// <summary>",
        "    /// a &lt;b&gt; &amp; c */",
        "    /// </summary>",
        "    /// <remarks>",
        "    /// one",
        "    /// two",
        "    /// three",
        "    /// four",
        "    /// five",
        "    /// six",
        "    /// seven",
        "    /// </remarks>",
        "",
      ].join("\n"),
    );
  });

  it("property: no text ends the comment: every line starts with ///, no < or & but as escapes", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.string({ unit: "binary" }),
        (summary, remarks) => {
          const text = docComment("  ", summary, remarks);
          for (const line of text.split(/\r\n|[\r\n\u0085\u2028\u2029]/).filter(Boolean)) {
            expect(line.startsWith("  ///")).toBe(true);
            const inner = line.replace(/^ {2}\/\/\/ ?/, "").replace(/^<\/?(summary|remarks)>$/, "");
            expect(inner).not.toMatch(/<|&(?!amp;|lt;|gt;)/);
          }
        },
      ),
    );
  });

  it("drops what XML cannot hold and keeps surrogate pairs", () => {
    expect(xmlText("a\u0001b\ud800c😀\udc00")).toBe("abc😀");
  });

  it("is empty without text", () => {
    expect(docComment("", "", "  \n ")).toBe("");
  });
});
