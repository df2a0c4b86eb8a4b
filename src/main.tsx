import { createRoot } from "react-dom/client";
import { DesignerApp } from "./designer/app.tsx";
import { BLANK_SCHEMA } from "./designer/storage/design-templates.ts";
import { startAutosave } from "./designer/storage/start-autosave.ts";
import { DesignerStore } from "./designer/store/designer-store.ts";
import { importSchema } from "./schema/import.ts";
import "./designer/ui/tokens.css";
import "./designer/ui/controls.css";
import "./preview/credential-form.css";
import "./designer/designer.css";
import "./designer/inspector/inspector.css";

/**
 * The designer page: the design opened last (kept in IndexedDB, saved a moment after each
 * change), or a new blank window. When storage cannot be used the page works on the blank window
 * in memory and says so.
 */
const store = new DesignerStore(importSchema(BLANK_SCHEMA));
// Dev server only (end-to-end tests read the design); never in the built site.
if (import.meta.env.DEV)
  (window as unknown as { __designerStore?: DesignerStore }).__designerStore = store;
void startAutosave(store).then((autosave) => {
  autosave.watchPage(window);
  createRoot(document.getElementById("root")!).render(
    <DesignerApp store={store} autosave={autosave} />,
  );
});
