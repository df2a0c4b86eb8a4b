import { excerptText, quoteExcerpt } from "../json/excerpt.ts";
import type { JsonValue } from "../json/value.ts";
import type { SchemaView } from "./view.ts";

/** How messages name the whole credentials value. */
export const ROOT_NAME = "credentials object";

/** `field "clientSecret" (Client secret)`: by key, and by title when it says more. */
export function fieldName(key: string, view: SchemaView, other?: SchemaView): string {
  const title = view.title ?? other?.title;
  return `field ${quoteExcerpt(key)}${title !== undefined && title !== key ? ` (${excerptText(oneLine(title))})` : ""}`;
}

/** `option "Basic" (type "basic") of field "auth"`. */
export function optionName(
  branch: SchemaView,
  index: number,
  discriminator: { name: string; value: JsonValue } | undefined,
  choice: string,
): string {
  const title = branch.title;
  const label =
    title !== undefined ? `option ${quoteExcerpt(oneLine(title))}` : `option ${index + 1}`;
  const tag = discriminator ? ` (${discriminator.name} ${short(discriminator.value)})` : "";
  return `${label}${tag} of the ${choice}`;
}

export function short(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
