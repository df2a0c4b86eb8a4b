import { SchemaProblem } from "../json/problem.ts";
import { type JsonObject, ownValue } from "../json/value.ts";
import { refuseSecretValues } from "../model/secret-values.ts";
import { runnableSchema } from "../schema/runnable-schema.ts";
import { analyseSchema } from "./analyse.ts";
import { type CSharpOptions, generateCSharp } from "./csharp/generate.ts";
import { csharpNamespaceProblem, DEFAULT_CSHARP_NAMESPACE } from "./csharp-namespace.ts";
import { generateDeclaration } from "./declaration.ts";
import { generateBindings } from "./typescript.ts";
import { createAjv, generateValidator } from "./validator.ts";

export type { CSharpOptions } from "./csharp/generate.ts";
export { csharpNamespaceProblem, DEFAULT_CSHARP_NAMESPACE } from "./csharp-namespace.ts";
export { SUPPORTED_FORMATS } from "./validator.ts";

/** One generated file: a bare file name (no directory) and its text. */
export interface ExportFile {
  name: string;
  contents: string;
}

/** What `exportFiles` writes besides the four files it always writes. */
export interface ExportFilesOptions {
  /**
   * Also `<base>.cs`, the C# credential model (see `exportCSharpFile`), with these options
   * (`{}`: DEFAULT_CSHARP_NAMESPACE). Absent: no C# file.
   */
  csharp?: CSharpOptions;
}

/**
 * Everything a connector needs from a credential schema, as file texts:
 * `<base>.schema.json` (the schema as given), `<base>.ts` (types), `<base>.validate.js`
 * (a self-contained precompiled validator) and `<base>.validate.d.ts` (its types), and with
 * `options.csharp`, last, `<base>.cs` (the C# model; all five files or a refusal: a schema the C#
 * model cannot express is refused like any other).
 *
 * Pure: reads only its arguments (never mutating them), touches no file, network or DOM.
 * Refuses what cannot be exported safely with a SchemaProblem (the first one, in document order).
 * A secret (`writeOnly` or `airbyte_secret`) carrying a value (default, examples, const, a one-value enum) is refused
 * here, first: it would be written into `<base>.schema.json` and, as `@default`, into the bindings.
 */
export async function exportFiles(
  schema: JsonObject,
  baseName: string,
  options: ExportFilesOptions = {},
): Promise<ExportFile[]> {
  checkBaseName(baseName);
  if (options.csharp) checkNamespace(options.csharp);
  return whenNotTooDeep(async () => {
    // Here rather than in `importSchema`: this is the one place the CLI's `export` and the page's
    // export worker share, while `importSchema` also reads what `check` must report (rather than
    // fail on) and the designs the page has stored, which must still open so they can be fixed.
    refuseSecretValues(schema);
    const schemaText = `${JSON.stringify(schema, null, 2)}\n`;
    const title = ownValue(schema, "title");
    const ajv = createAjv();
    const runnable = runnableSchema(ajv, schema, rootLabel(schema));
    const analysis = analyseSchema(schema, schemaText, runnable.refs);
    const bindings = await generateBindings(
      analysis,
      typeof title === "string" ? title : undefined,
      baseName,
    );
    const validator = generateValidator(ajv, runnable.schema, baseName);
    const files = [
      { name: `${baseName}.schema.json`, contents: schemaText },
      { name: `${baseName}.ts`, contents: bindings.code },
      { name: `${baseName}.validate.js`, contents: validator },
      {
        name: `${baseName}.validate.d.ts`,
        contents: generateDeclaration(baseName, bindings.rootName),
      },
    ];
    if (options.csharp) files.push(csharpFile(schema, baseName, options.csharp));
    return files;
  });
}

/**
 * `<base>.cs` alone, exactly as `exportFiles` with `csharp` writes it: the C# credential model
 * (`generateCSharp`, src/export/csharp/generate.ts). The page uses it to offer the C# file apart
 * from the four others, which still export when the C# model cannot express a design. Refuses,
 * with a SchemaProblem, a bad base name or namespace, what `exportFiles` refuses before it
 * generates anything (a secret with a value would become an initial value in the class), and
 * what C# cannot express exactly.
 */
export function exportCSharpFile(
  schema: JsonObject,
  baseName: string,
  options: CSharpOptions = {},
): ExportFile {
  checkBaseName(baseName);
  checkNamespace(options);
  try {
    // What `exportFiles` refuses first (a secret with a value, an unsafe pattern, an unknown
    // format, a broken $ref…), in its order: the C# file alone is refused as the five are.
    refuseSecretValues(schema);
    runnableSchema(createAjv(), schema, rootLabel(schema));
    return csharpFile(schema, baseName, options);
  } catch (error) {
    throw tooDeep(error) ?? error;
  }
}

function csharpFile(schema: JsonObject, baseName: string, options: CSharpOptions): ExportFile {
  return {
    name: `${baseName}.cs`,
    contents: generateCSharp(schema, {
      ...options,
      namespace: options.namespace ?? DEFAULT_CSHARP_NAMESPACE,
    }),
  };
}

function checkNamespace({ namespace }: CSharpOptions): void {
  if (namespace === undefined) return;
  const problem = csharpNamespaceProblem(namespace);
  if (problem) throw new SchemaProblem("", problem.problem, problem.fix);
}

async function whenNotTooDeep<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw tooDeep(error) ?? error;
  }
}

/** The name messages give the root schema's fields: its title, else "(root)". */
function rootLabel(schema: JsonObject): string {
  const title = ownValue(schema, "title");
  return typeof title === "string" && title.trim() ? title : "(root)";
}

/** A stack overflow as the refusal it is. */
function tooDeep(error: unknown): SchemaProblem | undefined {
  // Our own walks use explicit stacks; Ajv's compiler and JSON.stringify recurse per level
  // (in Node, Ajv gives out somewhere past 440 levels of objects inside objects).
  if (!(error instanceof RangeError && /call stack/i.test(error.message))) return undefined;
  return new SchemaProblem(
    "",
    "the schema is nested too deeply to export",
    "flatten it: use fewer levels of objects inside objects (a few hundred at most)",
  );
}

function checkBaseName(baseName: string): void {
  if (!/^[\p{L}\p{N}_][\p{L}\p{N}_.-]{0,99}$/u.test(baseName) || baseName.endsWith(".")) {
    throw new SchemaProblem(
      "",
      `${JSON.stringify(baseName)} cannot be the base name of the exported files`,
      'use letters, digits, "-", "_" and "." only, starting with a letter or digit, e.g. "rest-adapter"',
    );
  }
}
