import { type CredentialDocument, type FieldNode, locate } from "../../model/index.ts";

/** What the designer calls a node on screen and in announcements: its title, else its key. */
export function nodeName(node: FieldNode): string {
  const title =
    typeof node.schema === "object" && typeof node.schema.title === "string"
      ? node.schema.title.trim()
      : "";
  if (title !== "") return title;
  return node.key !== "" ? node.key : "Untitled branch";
}

/** "Authentication › Basic": the names from below the window down to `name`; "" is the window. */
export function joinPath(path: string, name: string): string {
  return path === "" ? name : `${path} › ${name}`;
}

/** How a container is named in list labels and announcements ("the window" for the root). */
export function placeName(path: string): string {
  return path === "" ? "the window" : path;
}

/** The path of a container (window, group, choice or branch) as the canvas names it. */
export function containerPath(doc: CredentialDocument, id: string): string {
  const located = locate(doc, id);
  if (!located) return "";
  let path = "";
  for (const step of located.path.slice(1)) path = joinPath(path, nodeName(step.parent));
  return located.path.length === 0 ? "" : joinPath(path, nodeName(located.node));
}
