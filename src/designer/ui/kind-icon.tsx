import type { FieldKind } from "../../model/index.ts";
import type { IconComponent } from "./icon.tsx";
import {
  AtSign,
  Binary,
  Braces,
  CornerDownRight,
  Database,
  FileKey,
  Folder,
  Hash,
  Link,
  List,
  Lock,
  Server,
  Split,
  SquareChevronDown,
  TextAlignStart,
  ToggleLeft,
  Type,
} from "./icons.ts";

/** One icon per field kind, the same in the palette and on the canvas; a branch has its own. */
const KIND_ICONS: Record<FieldKind | "branch", IconComponent> = {
  text: Type,
  secret: Lock,
  url: Link,
  email: AtSign,
  hostname: Server,
  number: Hash,
  integer: Binary,
  boolean: ToggleLeft,
  select: SquareChevronDown,
  multiline: TextAlignStart,
  pem: FileKey,
  "connection-string": Database,
  "string-list": List,
  group: Folder,
  choice: Split,
  custom: Braces,
  branch: CornerDownRight,
};

/** The icon of a kind: decorative (aria-hidden), since the row or button names the kind in words. */
export function KindIcon({ kind, size = 16 }: { kind: FieldKind | "branch"; size?: number }) {
  const Icon = KIND_ICONS[kind];
  return <Icon size={size} strokeWidth={1.75} />;
}
