import validateFns from "virtual:bench/rjsf-validators";
import schema from "virtual:bench/schema";
import Form from "@rjsf/core";
import type { RJSFSchema } from "@rjsf/utils";
import { createPrecompiledValidator } from "@rjsf/validator-ajv8";
import { createRoot } from "react-dom/client";
import { fieldTitles } from "../schema.ts";
import { runBench } from "./harness.ts";

// @rjsf/core's Form with a precompiled @rjsf/validator-ajv8 validator (compileSchemaValidatorsCode
// at build time, so no ajv compile in the page). `?live` turns on liveValidate="onChange".
const rootSchema = schema as RJSFSchema;
const validator = createPrecompiledValidator(validateFns, rootSchema);
const live = new URLSearchParams(location.search).has("live");
void runBench(fieldTitles(schema).length, () => {
  createRoot(document.getElementById("app")!).render(
    <Form
      schema={rootSchema}
      validator={validator}
      noHtml5Validate
      {...(live ? { liveValidate: "onChange" as const } : {})}
    />,
  );
});
