import { afterAll, expect, it } from "vitest";
import { generateCSharp } from "../../../src/export/csharp/generate.ts";
import { csString } from "../../../src/export/csharp/literals.ts";
import type { JsonObject } from "../../../src/json/value.ts";
import {
  compileCSharp,
  describeWithMono,
  removeMonoTempDirs,
  runMono,
} from "../../support/mono.ts";
import {
  batchProblems,
  compileWithHarness,
  prepareModel,
  removeDifferentialTempDirs,
  runHarness,
} from "./support/differential.ts";

/**
 * The generated C# on Mono, for what the template test does not reach: hostile titles, keys and
 * descriptions compile and map exactly; the strict reader agrees with JSON.parse + the validator
 * on grammar, number and type traps; ToJson keeps exact keys; ToString and exceptions never show a
 * secret; Newtonsoft's own JsonConvert goes through the same strict converters.
 */

afterAll(() => {
  removeMonoTempDirs();
  removeDifferentialTempDirs();
});

const SECRET = "Zq9SeCrEt-hunter2";

const hostile: JsonObject = JSON.parse(
  JSON.stringify({
    title: 'Evil */ "window" \\ <x> @class',
    description: "*/ } class Injected { /* \n\u2028 </summary>",
    type: "object",
    properties: {
      "@class": { type: "string", title: "*/ class X {", minLength: 2 },
      apiKey: { type: "string", maxLength: 3 },
      ApiKey: { type: "string", writeOnly: true, minLength: 1 },
      PROTO_PLACEHOLDER: { type: "string" },
      'quote"back\\slash': { type: "integer", minimum: -5, maximum: 5 },
      "line\nbreak\u2028\u0085": { type: "number", multipleOf: 0.5 },
      "": { type: "boolean" },
      "a/b~c": {
        type: "array",
        items: { type: "string", enum: ["x", "Y"] },
        uniqueItems: true,
        maxItems: 2,
      },
      ToString: { type: "string", const: "fixed" },
      EvilWindowXClass: {
        type: "object",
        properties: { class: { type: "string" } },
        required: ["class"],
        additionalProperties: false,
      },
      auth: {
        oneOf: [
          {
            type: "object",
            properties: {
              kind: { const: "pw" },
              password: { type: "string", writeOnly: true, minLength: 3 },
            },
            required: ["kind", "password"],
            additionalProperties: false,
          },
          {
            type: "object",
            properties: { kind: { type: "string", const: "none" } },
            required: ["kind"],
          },
        ],
      },
    },
    required: ["@class", "auth"],
    additionalProperties: false,
  }).replace("PROTO_PLACEHOLDER", "__proto__"),
) as JsonObject;

const good = `{"@class":"ab","auth":{"password":"${SECRET}","kind":"pw"}}`;

const traps = [
  good,
  `{"@class":"ab","auth":{"kind":"none","extra":1}}`,
  `{"@class":"ab","auth":{"kind":"None"}}`,
  `{"@class":"ab","auth":{"password":"${SECRET}"}}`,
  `{"@class":"ab","auth":{"kind":7}}`,
  `{"@class":"a","auth":{"kind":"none"}}`,
  `{"@class":null,"auth":{"kind":"none"}}`,
  `{"@class":12,"auth":{"kind":"none"}}`,
  `{"@class":"ab","auth":{"kind":"none"},"apiKey":"😀😀😀"}`,
  `{"@class":"ab","auth":{"kind":"none"},"apiKey":"😀😀😀😀"}`,
  `{"@class":"ab","auth":{"kind":"none"},"ApiKey":"${SECRET}","apiKey":"abc"}`,
  `{"@class":"ab","auth":{"kind":"none"},"ApiKey":""}`,
  `{"@class":"ab","auth":{"kind":"none"},"__proto__":"p"}`,
  `{"@class":"ab","auth":{"kind":"none"},"__proto__":{}}`,
  `{"@class":"ab","auth":{"kind":"none"},"quote\\"back\\\\slash":5.0}`,
  `{"@class":"ab","auth":{"kind":"none"},"quote\\"back\\\\slash":"5"}`,
  `{"@class":"ab","auth":{"kind":"none"},"quote\\"back\\\\slash":4.5}`,
  `{"@class":"ab","auth":{"kind":"none"},"quote\\"back\\\\slash":-6}`,
  `{"@class":"ab","auth":{"kind":"none"},"quote\\"back\\\\slash":1e400}`,
  `{"@class":"ab","auth":{"kind":"none"},"quote\\"back\\\\slash":-0}`,
  `{"@class":"ab","auth":{"kind":"none"},"quote\\"back\\\\slash":05}`,
  `{"@class":"ab","auth":{"kind":"none"},"quote\\"back\\\\slash":0x5}`,
  `{"@class":"ab","auth":{"kind":"none"},"quote\\"back\\\\slash":+5}`,
  `{"@class":"ab","auth":{"kind":"none"},"quote\\"back\\\\slash":5.}`,
  `{"@class":"ab","auth":{"kind":"none"},"line\\nbreak\\u2028\\u0085":1.5}`,
  `{"@class":"ab","auth":{"kind":"none"},"line\\nbreak\\u2028\\u0085":1.25}`,
  `{"@class":"ab","auth":{"kind":"none"},"line\\nbreak\\u2028\\u0085":1e300}`,
  `{"@class":"ab","auth":{"kind":"none"},"line\\nbreak\\u2028\\u0085":NaN}`,
  `{"@class":"ab","auth":{"kind":"none"},"":true}`,
  `{"@class":"ab","auth":{"kind":"none"},"":"true"}`,
  `{"@class":"ab","auth":{"kind":"none"},"":1}`,
  `{"@class":"ab","auth":{"kind":"none"},"a/b~c":["x","Y"]}`,
  `{"@class":"ab","auth":{"kind":"none"},"a/b~c":["x","x"]}`,
  `{"@class":"ab","auth":{"kind":"none"},"a/b~c":["y"]}`,
  `{"@class":"ab","auth":{"kind":"none"},"a/b~c":["x","Y","x"]}`,
  `{"@class":"ab","auth":{"kind":"none"},"a/b~c":[null]}`,
  `{"@class":"ab","auth":{"kind":"none"},"ToString":"fixed"}`,
  `{"@class":"ab","auth":{"kind":"none"},"ToString":"Fixed"}`,
  `{"@class":"ab","auth":{"kind":"none"},"EvilWindowXClass":{"class":"c"}}`,
  `{"@class":"ab","auth":{"kind":"none"},"EvilWindowXClass":{}}`,
  `{"@class":"ab","auth":{"kind":"none"},"EvilWindowXClass":{"class":"c","Class":"d"}}`,
  `{"@class":"ab","auth":{"kind":"none"},"other":1}`,
  `{"@class":"x","@class":"ab","auth":{"kind":"none"}}`,
  `{"@class":1,"@class":"ab","auth":{"kind":"none"}}`,
  `{"@class":"ab","@class":1,"auth":{"kind":"none"}}`,
  `{"@class":"ab","auth":{"kind":"none"} /* c */}`,
  `{"@class":"ab","auth":{"kind":"none"},}`,
  `{"@class":'ab',"auth":{"kind":"none"}}`,
  `{"@class":"a\tb","auth":{"kind":"none"}}`,
  `{"@class":"a\\u00zz","auth":{"kind":"none"}}`,
  `{"@class":"\\ud800\\ud800","auth":{"kind":"none"}}`,
  `{"@class":"ab","auth":{"kind":"none"}}\u00a0`,
  `\ufeff{"@class":"ab","auth":{"kind":"none"}}`,
  `{"@class":"ab","auth":{"kind":"none"}} x`,
  `{"@class":"ab","auth":{"kind":"pw","password":"${SECRET}",}}`,
  `{"@class":"ab","auth":{"kind":"pw","password":${SECRET}}}`,
  `{"@class":"ab","auth":{"kind":"pw","password":"${SECRET}`,
  `{"@class":"ab","auth":{"kind":"pw","password":"${SECRET}","x":1}}`,
  `{"@class":"ab","auth":{"kind":"pw","password":"${SECRET}","kind":"none"}}`,
].map((text, i) => ({ label: `trap #${i}`, text }));

describeWithMono("the generated C# on Mono", () => {
  it("compiles a hostile window and judges every trap as the validator does, showing no secret", async () => {
    const model = await prepareModel(hostile, "hostile", "Hostile.Window");
    if (!model.csharp.ok) throw model.csharp.problem;
    const program = compileWithHarness([model]);
    const run = runHarness(program, traps, model.namespace);
    expect(batchProblems(model, traps, run).join("\n\n")).toBe("");
    expect(run.lines).toHaveLength(traps.length);
    expect([...new Set(run.lines.map((line) => line.verdict))].sort()).toEqual([
      "invalid",
      "valid",
    ]);
  });

  it("judges numbers, booleans, enums and number formats as the validator does", async () => {
    const schema: JsonObject = {
      type: "object",
      properties: {
        i32: { type: "integer", format: "int32" },
        n32: { type: "number", format: "int32" },
        n64: { type: "number", format: "int64" },
        f: { type: "number", format: "float", exclusiveMinimum: 0, exclusiveMaximum: 1 },
        tiny: { type: "number", multipleOf: 1e-21 },
        third: { type: "number", multipleOf: 0.1 },
        big: { type: "integer", multipleOf: 3, maximum: 9007199254740992 },
        pick: { type: "integer", enum: [1, 2.5, "3", 4] },
        real: { type: "number", enum: [0, 1.5], const: 1.5 },
        flag: { type: "boolean", const: true },
        word: { enum: ["a", "B"], const: "B" },
        never: { type: "string", enum: [1] },
        s: { type: "string", format: "int32" },
      },
    };
    const values = [
      "{}",
      ...[
        "0",
        "-0",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "1.0",
        "1.5",
        "1e3",
        "1E+3",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "1e20",
        "1e400",
        "-1e400",
        "true",
        '"1"',
        "null",
        "[]",
      ].flatMap((n) => ["i32", "n32", "n64", "big", "pick"].map((k) => `{"${k}":${n}}`)),
      ...["0", "0.5", "1", "1e-400", "0.99999999999999999", "1.0000000000000001", '"0.5"'].map(
        (n) => `{"f":${n}}`,
      ),
      ...["1", "0.3", "1e-21", "3e-21", "1.5e-21", "10"].map((n) => `{"tiny":${n}}`),
      ...["0.3", "0.7", "1", "0.1", "3.3"].map((n) => `{"third":${n}}`),
      ...["9007199254740991", "9007199254740992", "9007199254740993", "9007199254740994", "-3"].map(
        (n) => `{"big":${n}}`,
      ),
      ...["0", "1.5", "1.50", "15e-1", "2.5", "-0"].map((n) => `{"real":${n}}`),
      ...["true", "false", '"true"', "1"].map((b) => `{"flag":${b}}`),
      ...['"a"', '"B"', '"b"', "null"].map((w) => `{"word":${w}}`),
      ...['"1"', "1"].map((w) => `{"never":${w}}`),
      ...['"x"', "1"].map((w) => `{"s":${w}}`),
    ].map((text, i) => ({ label: `number #${i}`, text }));
    const model = await prepareModel(schema, "numbers", "Numbers.Window");
    if (!model.csharp.ok) throw model.csharp.problem;
    const run = runHarness(compileWithHarness([model]), values, model.namespace);
    expect(batchProblems(model, values, run).join("\n\n")).toBe("");
    expect([...new Set(run.lines.map((line) => line.verdict))].sort()).toEqual([
      "invalid",
      "valid",
    ]);
  });

  it("maps exact keys both ways, masks secrets, validates with JSON pointers and strict JsonConvert", () => {
    const source = generateCSharp(hostile, { namespace: "Hostile.Window" });
    const program = compileCSharp({
      "Model.cs": source,
      "Program.cs": `
using System;
using System.Linq;
using Hostile.Window;
using Newtonsoft.Json;

static class Program
{
    static void Main(string[] args)
    {
        var json = ${csString(`{"@class":"ab","apiKey":"abc","ApiKey":"${SECRET}","__proto__":"p","quote\\"back\\\\slash":3,"line\\nbreak\\u2028\\u0085":1.5,"":false,"a/b~c":["x"],"ToString":"fixed","EvilWindowXClass":{"class":"c"},"auth":{"kind":"pw","password":"${SECRET}"}}`)};
        var model = EvilWindowXClass.FromJson(json);
        Console.WriteLine("ROUNDTRIP " + (model.ToJson() == json));
        Console.WriteLine("TOSTRING " + model.ToString());
        Console.WriteLine("NAMES " + model.Class + "|" + model.ApiKey + "|" + model.Proto + "|" + model.QuoteBackSlash + "|" + model.LineBreak + "|" + model.Field + "|" + model.ToString2 + "|" + model.EvilWindowXClass2.Class);
        Console.WriteLine("AUTH " + model.Auth.GetType().Name + " " + model.Auth.Kind);
        var viaNewtonsoft = JsonConvert.DeserializeObject<EvilWindowXClass>(json);
        var dated = JsonConvert.DeserializeObject<EvilWindowXClass>("{\\"@class\\":\\"2020-01-01T00:00:00Z\\",\\"auth\\":{\\"kind\\":\\"none\\"}}");
        Console.WriteLine("DATE " + dated.Class);
        Console.WriteLine("NEWTONSOFT " + (JsonConvert.SerializeObject(viaNewtonsoft) == json));
        try { JsonConvert.DeserializeObject<EvilWindowXClass>("{\\"@class\\":\\"ab\\",\\"auth\\":{\\"kind\\":\\"none\\"},\\"quote\\\\\\"back\\\\\\\\slash\\":\\"60\\"}"); Console.WriteLine("NEWTONSOFT-STRICT no"); }
        catch (JsonException e) { Console.WriteLine("NEWTONSOFT-STRICT " + e.Message); }
        var blank = new EvilWindowXClass();
        blank.ApiKey2 = "${SECRET}";
        blank.Auth = new PwAuth { Password = "x" };
        blank.ExtensionData["other"] = 1;
        foreach (var result in blank.Validate()) Console.WriteLine("RESULT " + string.Join(",", result.MemberNames) + " " + result.ErrorMessage);
        Console.WriteLine("BLANK " + blank);
        Console.WriteLine("BLANKJSON " + blank.ToJson());
        try { EvilWindowXClass.FromJson("{\\"@class\\":\\"ab\\",\\"auth\\":{\\"kind\\":\\"pw\\",\\"password\\":${SECRET}}}"); }
        catch (CredentialJsonException e) { Console.WriteLine("MALFORMED " + e.Message + " " + (e is JsonException)); }
    }
}
`,
    });
    const run = runMono(program, []);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trim().split("\n");
    const line = (tag: string) =>
      lines.filter((l) => l.startsWith(`${tag} `)).map((l) => l.slice(tag.length + 1));
    expect(line("ROUNDTRIP")).toEqual(["True"]);
    expect(line("NEWTONSOFT")).toEqual(["True"]);
    expect(line("DATE")).toEqual(["2020-01-01T00:00:00Z"]);
    expect(line("NEWTONSOFT-STRICT")).toEqual(['/quote"back\\slash: expected an integer']);
    expect(line("NAMES")).toEqual(["ab|abc|p|3|1.5|False|fixed|c"]);
    expect(line("AUTH")).toEqual(["PwAuth pw"]);
    expect(line("TOSTRING")[0]).toContain('Auth = PwAuth { Kind = "pw", Password = *** }');
    expect(line("TOSTRING")[0]).toContain("ApiKey2 = ***");
    expect(line("RESULT")).toEqual([
      "/@class is required",
      "/auth/password must have at least 3 characters",
      "/other is not allowed here",
    ]);
    expect(line("BLANK")[0]).toContain("ApiKey2 = ***");
    expect(line("BLANKJSON")).toEqual([
      `{"ApiKey":"${SECRET}","auth":{"kind":"pw","password":"x"},"other":1}`,
    ]);
    expect(line("MALFORMED")).toEqual(["/: the text is not valid JSON (at character 47) True"]);
    // No secret anywhere but in ToJson's output, which is the credentials themselves.
    const shown = lines.filter((l) => !l.startsWith("BLANKJSON "));
    expect(shown.join("\n")).not.toContain("Zq9SeCrEt");
  });
});
