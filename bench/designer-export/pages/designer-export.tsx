import { createRoot } from "react-dom/client";
import { DesignerApp } from "../../../src/designer/app.tsx";
import { DesignerStore } from "../../../src/designer/store/designer-store.ts";
import { importSchema } from "../../../src/schema/import.ts";
import "../../../src/preview/credential-form.css";
import "../../../src/designer/ui/tokens.css";
import "../../../src/designer/ui/controls.css";
import "../../../src/designer/designer.css";
import "../../../src/designer/inspector/inspector.css";
import { generateCredentialSchema } from "../../generate-schema.ts";

/**
 * The designer, built as the site is (the real vite.config.ts: export worker, Content-Security-
 * Policy), on a generated design of ?fields=N fields, for timing "Export all (.zip)". The page
 * records, in its own clock, when the click reached it and when the download was handed to the
 * browser (the `<a download>` click of src/designer/export/download.ts).
 */
const FIELDS = Number(new URLSearchParams(location.search).get("fields") ?? 1000);
const store = new DesignerStore(importSchema(generateCredentialSchema(FIELDS)));
createRoot(document.getElementById("root")!).render(<DesignerApp store={store} />);

const api = {
  ready: false,
  fields: FIELDS,
  clickedAt: [] as number[],
  downloadedAt: [] as number[],
};
document.addEventListener(
  "click",
  (event) => {
    const target = event.target instanceof Element ? event.target.closest("button") : null;
    // The Export menu's item, by its accessible name.
    if (target?.getAttribute("aria-label") === "Export all (.zip)")
      api.clickedAt.push(event.timeStamp);
  },
  { capture: true },
);
const click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
  if (this.download) api.downloadedAt.push(performance.now());
  return click.call(this);
};
(window as unknown as { __exportBench: typeof api }).__exportBench = api;
requestAnimationFrame(() => requestAnimationFrame(() => (api.ready = true)));
