// Embeds a credential window designed with credential-designer: the exported schema and its
// precompiled validator (no eval, so it runs under a strict Content-Security-Policy).

import { CredentialForm, type CredentialValue } from "credential-designer/preview";
import { createRoot } from "react-dom/client";
import "credential-designer/preview/style.css"; // optional default look
import schema from "./generated/rest-adapter.schema.json";
import validate from "./generated/rest-adapter.validate.js";

const status = document.getElementById("status")!;

function save(value: CredentialValue): void {
  // Hand the credentials to your back end here. Never log them or put them in the URL or storage.
  void value;
  status.textContent = "Saved.";
}

createRoot(document.getElementById("credentials")!).render(
  <CredentialForm schema={schema} validate={validate} onSubmit={save} idPrefix="rest" />,
);
