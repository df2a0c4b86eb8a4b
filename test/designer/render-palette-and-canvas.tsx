import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Canvas } from "../../src/designer/canvas/canvas.tsx";
import { DesignerDnd } from "../../src/designer/dnd/designer-dnd.tsx";
import { Palette } from "../../src/designer/palette/palette.tsx";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { JsonValue } from "../../src/json/value.ts";
import { importSchema } from "../../src/schema/import.ts";

/** The palette and the canvas in one DesignerDnd over a design imported from `schema` (a blank window by default). */
export function renderPaletteAndCanvas(schema: object = { type: "object", properties: {} }) {
  const store = new DesignerStore(importSchema(structuredClone(schema) as JsonValue));
  render(
    <DesignerDnd store={store}>
      <Palette store={store} />
      <Canvas store={store} />
    </DesignerDnd>,
  );
  return { store, user: userEvent.setup() };
}
