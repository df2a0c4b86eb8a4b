import Ajv, { Name } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { SchemaProblem } from "../json/problem.ts";
import type { JsonObject } from "../json/value.ts";
import { AJV_OPTIONS } from "../schema/ajv-options.ts";
import {
  FORMATS_IDENTIFIER,
  RUNTIME_HELPERS,
  type RuntimeHelper,
  runtimeSource,
} from "./runtime-source.ts";

/**
 * The precompiled validator: Ajv's standalone ES module, made self-contained. Ajv's output
 * `require`s its runtime helpers and reads formats through `code.formats`; both are replaced by
 * the vetted sources of runtime-source.ts, only those the schema uses. The result has no import,
 * no `require`, no eval and no `Function`, so it runs with no node_modules beside it and under
 * `--disallow-code-generation-from-strings` (or a CSP without 'unsafe-eval').
 */

/** The formats an exported validator checks: ajv-formats' `fullFormats`; any other is refused. */
export const SUPPORTED_FORMATS: readonly string[] = Object.keys(fullFormats);

export function createAjv(): Ajv {
  return new Ajv({
    code: {
      source: true,
      esm: true,
      // One line: Ajv's line-by-line code generation recurses deeper per nesting level.
      lines: false,
      formats: new Name(FORMATS_IDENTIFIER),
    },
    ...AJV_OPTIONS,
    formats: fullFormats,
    validateSchema: false, // done once, by runnableSchema (validateAgainstMetaSchema), with precise pointers
    addUsedSchema: false,
  });
}

export function generateValidator(ajv: Ajv, schema: JsonObject, baseName: string): string {
  let ajvCode: string;
  try {
    ajvCode = standaloneCode(ajv, ajv.compile(schema));
  } catch (error) {
    if (error instanceof RangeError) throw error; // stack overflow: reported by the caller
    const message = error instanceof Error ? error.message : String(error);
    throw new SchemaProblem(
      "",
      `the validator could not be compiled (${message.split("\n")[0]})`,
      "correct the schema",
    );
  }
  return selfContained(ajvCode, baseName);
}

/** Ajv's standalone module with our runtime inlined in place of its `require`s. */
export function selfContained(ajvCode: string, baseName: string): string {
  let code = ajvCode.replace(/^"use strict";/, "");
  const helpers: RuntimeHelper[] = [];
  for (const helper of Object.keys(RUNTIME_HELPERS) as RuntimeHelper[]) {
    const { require, name } = RUNTIME_HELPERS[helper];
    if (code.includes(require)) {
      helpers.push(helper);
      code = code.split(require).join(name);
    }
  }
  // Outside string literals `require("` can only be code (a quote inside a string is escaped).
  const leftover = /\brequire\s*\(\s*"[^"]*"/.exec(code);
  if (leftover) throw new Error(`internal error: the validator still needs ${leftover[0]}`);
  // Ajv writes constant schema values as object literals, where a "__proto__" key would set
  // the prototype instead of a property; a computed key makes it an own property, as in JSON.
  code = code.replace(/([{,])"__proto__":/g, '$1["__proto__"]:');
  // Regular-expression formats are inlined by Ajv as literals; the others come from __cdFormats,
  // which holds exactly the ones the code refers to.
  const needed = Object.keys(fullFormats).filter((name) => {
    const access = /^[A-Za-z_$][\w$]*$/.test(name)
      ? `${FORMATS_IDENTIFIER}.${name}`
      : `${FORMATS_IDENTIFIER}[${JSON.stringify(name)}]`;
    return code.includes(`${access};`) || code.includes(`${access}.`);
  });
  if (!needed.length && code.includes(FORMATS_IDENTIFIER))
    throw new Error("internal error: the validator refers to a format that is not inlined");
  const runtime = runtimeSource(helpers, needed);
  if (!/^export default /m.test(code) && !/;export default /.test(code))
    throw new Error("internal error: the validator has no default export");
  return (
    `// Validator generated from ${baseName}.schema.json by credential-designer. Do not edit: change the schema and export again.\n` +
    "// A self-contained ES module (no imports, no code generated at run time). `validate(data)` returns true or false and sets `validate.errors`.\n" +
    (runtime ? `${runtime}\n` : "") +
    code.trimStart() +
    "\n"
  );
}
