import { isJsonObject, type JsonObject } from "../../json/value.ts";
import { jsonContents } from "../items/item-descriptions.ts";

/** What a template's card says about the authentication it offers, read from its schema. */
export interface TemplateSummary {
  /**
   * The methods to choose from: the branches of the window's auth-method choices, in order (none
   * when the template is one method only).
   */
  readonly methods: readonly string[];
  /** What a template of one method asks for: the titles of the window's required fields. */
  readonly asks: readonly string[];
}

/**
 * The authentication a template offers: a choice's methods ("None, Basic, OAuth 1.0a, OAuth 2.0"),
 * or, for a template that is one method, what it asks for ("Username, Password"). Read from the
 * template's JSON as the palette reads its blocks (cheap: the start panel shows every template at
 * once), which the tests hold to the designer's own reading of the same schema.
 */
export function templateSummary(schema: JsonObject): TemplateSummary {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const contents = jsonContents(properties);
  const methods = contents.flatMap((field) => field.branches?.map((branch) => branch.title) ?? []);
  if (methods.length > 0) return { methods: [...new Set(methods)], asks: [] };
  const required = Array.isArray(schema.required) ? schema.required : [];
  const keys = Object.keys(properties).filter((key) => required.includes(key));
  const titleOf = (key: string) => {
    const field = properties[key];
    return isJsonObject(field) && typeof field.title === "string" ? field.title : key;
  };
  return { methods: [], asks: keys.map(titleOf) };
}

/** The caption over a summary's values on its card: what the values are. */
export function summaryCaption(summary: TemplateSummary): string {
  return summary.methods.length > 0 ? "Auth methods" : "Asks for";
}

/** The values a card lists: the methods, else what the one method asks for. */
export function summaryValues(summary: TemplateSummary): readonly string[] {
  return summary.methods.length > 0 ? summary.methods : summary.asks;
}

/** The summary in one sentence, a card's accessible description: "Auth methods: None, Basic." */
export function summaryText(summary: TemplateSummary): string {
  const values = summaryValues(summary);
  return values.length > 0 ? `${summaryCaption(summary)}: ${values.join(", ")}.` : "";
}
