import { SchemaProblem } from "../json/problem.ts";
import { type JsonObject, ownValue } from "../json/value.ts";
import { refuseSecretValues } from "../model/secret-values.ts";
import { runnableSchema } from "../schema/runnable-schema.ts";
import { analyseSchema } from "./analyse.ts";
import { generateDeclaration } from "./declaration.ts";
import { generateBindings } from "./typescript.ts";
import { createAjv, generateValidator } from "./validator.ts";

export { SUPPORTED_FORMATS } from "./validator.ts";

/** One generated file: a bare file name (no directory) and its text. */
export interface ExportFile {
  name: string;
  contents: string;
}

/**
 * Everything a connector needs from a credential schema, as file texts:
 * `<base>.schema.json` (the schema as given), `<base>.ts` (types), `<base>.validate.js`
 * (a self-contained precompiled validator) and `<base>.validate.d.ts` (its types).
 *
 * Pure: reads only its arguments (never mutating them), touches no file, network or DOM.
 * Refuses what cannot be exported safely with a SchemaProblem (the first one, in document order).
 * A secret (`writeOnly`) carrying a value (default, examples, const, a one-value enum) is refused
 * here, first: it would be written into `<base>.schema.json` and, as `@default`, into the bindings.
 */
export async function exportFiles(schema: JsonObject, baseName: string): Promise<ExportFile[]> {
  checkBaseName(baseName);
  try {
    // Here rather than in `importSchema`: this is the one place the CLI's `export` and the page's
    // export worker share, while `importSchema` also reads what `check` must report (rather than
    // fail on) and the designs the page has stored, which must still open so they can be fixed.
    refuseSecretValues(schema);
    const schemaText = `${JSON.stringify(schema, null, 2)}\n`;
    const title = ownValue(schema, "title");
    const ajv = createAjv();
    const runnable = runnableSchema(
      ajv,
      schema,
      typeof title === "string" && title.trim() ? title : "(root)",
    );
    const analysis = analyseSchema(schema, schemaText, runnable.refs);
    const bindings = await generateBindings(
      analysis,
      typeof title === "string" ? title : undefined,
      baseName,
    );
    const validator = generateValidator(ajv, runnable.schema, baseName);
    return [
      { name: `${baseName}.schema.json`, contents: schemaText },
      { name: `${baseName}.ts`, contents: bindings.code },
      { name: `${baseName}.validate.js`, contents: validator },
      {
        name: `${baseName}.validate.d.ts`,
        contents: generateDeclaration(baseName, bindings.rootName),
      },
    ];
  } catch (error) {
    // Our own walks use explicit stacks; Ajv's compiler and JSON.stringify recurse per level
    // (in Node, Ajv gives out somewhere past 440 levels of objects inside objects).
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new SchemaProblem(
        "",
        "the schema is nested too deeply to export",
        "flatten it: use fewer levels of objects inside objects (a few hundred at most)",
      );
    }
    throw error;
  }
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
