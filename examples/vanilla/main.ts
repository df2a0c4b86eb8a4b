// Embeds a credential window without React: <credential-form>, the custom element of
// credential-designer/preview/element. Without a `validate` property it validates with Ajv,
// loaded on demand; under a Content-Security-Policy without 'unsafe-eval' give it the validator
// that `credential-designer export` wrote instead (see examples/embed).

import "credential-designer/preview/element";
import "credential-designer/preview/style.css"; // optional default look
import schema from "../../schemas/rest-adapter.json";

const form = document.querySelector("credential-form")!;
const status = document.getElementById("status")!;
const theme = document.getElementById("theme") as HTMLSelectElement;

form.schema = schema;
form.addEventListener("change", () => {
  status.textContent = "";
});
form.addEventListener("submit", (event) => {
  // event.detail.value holds the secrets: hand it to your back end here. Never log it or put it
  // in the URL or storage.
  void event.detail.value;
  status.textContent = "Saved.";
});
theme.addEventListener("change", () => {
  if (theme.value) form.setAttribute("theme", theme.value);
  else form.removeAttribute("theme");
});
