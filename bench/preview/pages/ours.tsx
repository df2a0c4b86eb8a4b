import { CredentialForm } from "virtual:bench/credential-form";
import validate from "virtual:bench/ours-validator";
import schema from "virtual:bench/schema";
import { createRoot } from "react-dom/client";
import { fieldTitles } from "../schema.ts";
import { runBench } from "./harness.ts";

// Our CredentialForm, uncontrolled, given the standalone validator that exportFiles produced.
void runBench(fieldTitles(schema).length, () => {
  createRoot(document.getElementById("app")!).render(
    <CredentialForm schema={schema} validate={validate} />,
  );
});
