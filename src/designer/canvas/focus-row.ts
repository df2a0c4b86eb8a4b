// Where problems and compared changes take the focus: the row's tree item (dnd/focus-row.ts).
export { focusRow } from "../dnd/focus-row.ts";
