import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { act, type RenderResult, render } from "@testing-library/react";
import {
  CredentialForm,
  type CredentialFormProps,
  type JsonSchema,
} from "../../src/preview/index.ts";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function template(name: string): JsonSchema {
  return JSON.parse(readFileSync(join(repoRoot, "schemas", `${name}.json`), "utf8")) as JsonSchema;
}

export const templateNames = () =>
  readdirSync(join(repoRoot, "schemas"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();

/** Lets the lazily imported ajv and sentences load and compile (the modules are warmed by the first call). */
export async function settle(): Promise<void> {
  await Promise.all([import("../../src/preview/ajv.ts"), import("../../src/preview/sentences.ts")]);
  for (let i = 0; i < 3; i++) await act(() => new Promise<void>((r) => setTimeout(r, 5)));
}

/** Renders a form and waits for its validator. */
export async function renderForm(props: CredentialFormProps): Promise<RenderResult> {
  const result = render(<CredentialForm {...props} />);
  await settle();
  return result;
}

/** Every attribute value and text of the document, to look for leaked secrets. */
export function everyAttributeAndText(root: Element = document.body): string[] {
  const out = [root.textContent ?? ""];
  for (const el of [root, ...root.querySelectorAll("*")])
    for (const a of el.attributes) out.push(`${el.tagName}[${a.name}]=${a.value}`);
  return out;
}
