/// <reference types="vite/client" />
// A test page: the palette and the canvas in one DesignerDnd over a small design (?design=blank
// for an empty window, in the landmarks the page gives them, ?design=choice for an auth-method choice). The store is on window.designerStore for the tests to read and undo.
import { createRoot } from "react-dom/client";
import { Canvas } from "../../../../src/designer/canvas/canvas.tsx";
import { DesignerDnd } from "../../../../src/designer/dnd/designer-dnd.tsx";
import { Palette } from "../../../../src/designer/palette/palette.tsx";
import { DesignerStore } from "../../../../src/designer/store/designer-store.ts";
import { importSchema } from "../../../../src/schema/import.ts";

const SAMPLE = {
  type: "object",
  title: "Test window",
  properties: {
    username: { type: "string", title: "User name" },
    apiKey: { type: "string", title: "API key", writeOnly: true },
    region: { type: "string", title: "Region" },
    account: {
      type: "object",
      title: "Account",
      properties: {
        username: { type: "string", title: "Login" },
        password: { type: "string", title: "Password", writeOnly: true },
      },
    },
    extras: { type: "object", title: "Extras", properties: {} },
    baseUrl: { type: "string", format: "uri", title: "Base URL" },
  },
};

const CHOICE = {
  type: "object",
  properties: {
    region: { type: "string", title: "Region" },
    auth: {
      title: "Authentication",
      oneOf: [
        { title: "None", type: "object", properties: { type: { const: "none" } } },
        {
          title: "Basic",
          type: "object",
          properties: {
            type: { const: "basic" },
            password: { type: "string", title: "Password", writeOnly: true },
          },
        },
      ],
    },
  },
};

const DESIGNS: Record<string, object> = {
  sample: SAMPLE,
  choice: CHOICE,
  blank: { type: "object", properties: {} },
};
const design = new URLSearchParams(location.search).get("design");
const store = new DesignerStore(
  importSchema(structuredClone(DESIGNS[design ?? "sample"] ?? SAMPLE) as never),
);
(window as unknown as { designerStore: DesignerStore }).designerStore = store;

createRoot(document.getElementById("root")!).render(
  <DesignerDnd store={store}>
    <nav aria-label="Palette">
      <Palette store={store} />
    </nav>
    <main aria-label="Canvas">
      <Canvas store={store} />
    </main>
  </DesignerDnd>,
);
