import { createRoot } from "react-dom/client";
import { DesignerApp } from "./designer/app.tsx";
import { DesignerStore } from "./designer/designer-store.ts";
import { importSchema } from "./schema/import.ts";
import "./preview/credential-form.css";
import "./designer/designer.css";
import "./designer/inspector/inspector.css";

/** The designer page: a blank credential window to start from. */
const store = new DesignerStore(importSchema({ $schema: "http://json-schema.org/draft-07/schema#", title: "Credentials", type: "object", properties: {} }));
// Dev server only (end-to-end tests read the design); never in the built site.
if (import.meta.env.DEV) (window as unknown as { __designerStore?: DesignerStore }).__designerStore = store;
createRoot(document.getElementById("root")!).render(<DesignerApp store={store} />);
