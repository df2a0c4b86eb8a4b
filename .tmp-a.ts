import Ajv from "ajv";
import addFormats from "ajv-formats";
import { AJV_OPTIONS } from "/work/wt17-yaml/src/schema/ajv-options.ts";
const cases: any[] = [
  { type: "object", properties: { a: { type: "string", format: "nope" } } },
  { type: "object", properties: { a: { $ref: "#/definitions/missing" } } },
  { type: "object", properties: { a: { type: "string", pattern: "(" } } },
  { type: "object", properties: { a: { type: "string", minLength: -1 } } },
  { type: "object", properties: { a: { type: "port" } } },
  { type: "object", properties: { a: { $ref: "other.json#/x" } } },
];
for (const s of cases) {
  const ajv = new Ajv({ ...AJV_OPTIONS }); addFormats(ajv);
  try { ajv.compile(s); console.log("ok"); } catch (e: any) { console.log(e.constructor.name, "|", e.message, "|", JSON.stringify(e.errors), e.missingRef, e.missingSchema); }
}
