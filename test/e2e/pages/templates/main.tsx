/// <reference types="vite/client" />
// A test page: renders the template named by ?template= with <CredentialForm>, validating with
// the lazily loaded ajv (no precompiled validator), for the accessibility checks.
import { createRoot } from "react-dom/client";
import { CredentialForm } from "../../../../src/preview/index.ts";

const templates = import.meta.glob<Record<string, unknown>>("../../../../schemas/*.json", {
  eager: true,
  import: "default",
});
const name = new URLSearchParams(location.search).get("template") ?? "rest-adapter";
const schema = templates[`../../../../schemas/${name}.json`];
if (!schema) throw new Error(`no template ${name}`);
document.title = `${String(schema.title)} – preview`;
document.getElementById("heading")!.textContent = String(schema.title);
createRoot(document.getElementById("form")!).render(
  <CredentialForm schema={schema} onSubmit={() => {}} idPrefix={name} />,
);
