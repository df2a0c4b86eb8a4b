/// <reference types="vite/client" />
// A test page: the template named by ?template= as <credential-form>, with the default stylesheet,
// validating with the lazily loaded ajv, for the theme and contrast checks. ?theme= sets the
// element's `theme` attribute; ?around= sets data-cd-theme on the element around it.
import "../../../../src/preview/element.ts";
import "../../../../src/preview/credential-form.css";

const templates = import.meta.glob<Record<string, unknown>>("../../../../schemas/*.json", {
  eager: true,
  import: "default",
});
const params = new URLSearchParams(location.search);
const name = params.get("template") ?? "rest-adapter";
const schema = templates[`../../../../schemas/${name}.json`];
if (!schema) throw new Error(`no template ${name}`);
document.getElementById("heading")!.textContent = String(schema.title);
const around = document.getElementById("around")!;
const form = document.createElement("credential-form");
form.setAttribute("id-prefix", name);
const theme = params.get("theme");
if (theme) form.setAttribute("theme", theme);
const aroundTheme = params.get("around");
if (aroundTheme) around.dataset.cdTheme = aroundTheme;
form.schema = schema;
around.append(form);
