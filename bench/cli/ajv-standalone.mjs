// The reference for `npm run bench -- cli`: Ajv's standalone compile of one schema file, as a
// build script would run it, in a process of its own (json2ts is the other half).
import { readFileSync, writeFileSync } from "node:fs";
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";

const [input, output] = process.argv.slice(2);
const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true, strict: false });
addFormats(ajv);
writeFileSync(output, standaloneCode(ajv, ajv.compile(JSON.parse(readFileSync(input, "utf8")))));
