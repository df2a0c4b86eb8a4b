import { createContext, useContext } from "react";
import type { HandleAttributes } from "./drag-bridge.ts";

/** The attributes of every row's handle (from the rows' draggable, once drag and drop is mounted). */
export const HandleAttributesContext = createContext<HandleAttributes | undefined>(undefined);

export function useHandleAttributes(): HandleAttributes | undefined {
  return useContext(HandleAttributesContext);
}
