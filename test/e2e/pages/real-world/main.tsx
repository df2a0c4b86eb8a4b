/// <reference types="vite/client" />
// A test page for test/e2e/real-world-preview.test.ts: `window.examine(schema, prefix)` renders a
// credential window with <CredentialForm> (the lazily loaded Ajv, no precompiled validator), then
// shows every method of every choice in turn and reports, in each state, the secret fields
// (writeOnly or airbyte_secret, read here from the schema) whose control is not masked, the
// controls without an accessible name, airbyte_hidden fields shown and fields out of `order`. One page for the whole corpus: each call replaces the form.
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import "../../../../src/preview/credential-form.css";
import { CredentialForm } from "../../../../src/preview/index.ts";
import { type Field, planOf } from "../../../../src/preview/plan.ts";
import type { JsonSchema } from "../../../../src/preview/types.ts";

export interface Examined {
  /** Controls shown in some state. */
  controls: number;
  /** Secret fields shown in some state, by title. */
  secretsShown: string[];
  /** Secret fields shown in clear: "title (how)". */
  unmasked: string[];
  /** Controls with no accessible name (their HTML, cut short). */
  unnamed: string[];
  /** Fields marked airbyte_hidden that are shown. */
  hiddenShown: string[];
  /** Objects whose shown fields are not in Airbyte's `order`: "path: shown …; in order …". */
  misordered: string[];
  /** Controls that run past the form's right edge in its 320 px box (a narrow pane): their HTML, cut short. */
  overflowing: string[];
  /** How many states (choices' methods) were looked at. */
  states: number;
  /** Errors thrown in the page while rendering. */
  errors: string[];
}

let root: Root | undefined;
const errors: string[] = [];
window.addEventListener("error", (event) => errors.push(String(event.message)));

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** Every field of the plan, in every branch. */
function fieldsOf(field: Field): Field[] {
  return [
    field,
    ...(field.fields ?? []).flatMap(fieldsOf),
    ...(field.branches ?? []).flatMap((branch) => (branch.fields ?? []).flatMap(fieldsOf)),
  ];
}

/** The fields of each object of the plan: the root, groups and the branches of choices. */
function containersOf(field: Field): Array<{ path: string; fields: Field[] }> {
  return [
    ...(field.fields ? [{ path: field.path || "/", fields: field.fields }] : []),
    // A method's discriminator (its constant) is the choice's own control, not one of its fields.
    ...(field.branches ?? []).map((branch, i) => ({
      path: `${field.path || "/"} (method ${i})`,
      fields: branch.fields.filter((child) => child.schema.const === undefined),
    })),
    ...(field.fields ?? []).flatMap(containersOf),
    ...(field.branches ?? []).flatMap((branch) => branch.fields.flatMap(containersOf)),
  ];
}

/** Airbyte's display order: a numeric `order` first, by it (ties keep the JSON's order), then the rest. */
function inOrder(fields: Field[]): Field[] {
  const orderOf = (field: Field) =>
    typeof field.schema.order === "number" && Number.isFinite(field.schema.order)
      ? field.schema.order
      : undefined;
  const ordered = fields
    .map((field, index) => ({ field, index }))
    .filter(({ field }) => orderOf(field) !== undefined)
    .sort((a, b) => orderOf(a.field)! - orderOf(b.field)! || a.index - b.index)
    .map(({ field }) => field);
  return [...ordered, ...fields.filter((field) => orderOf(field) === undefined)];
}

const isSecret = (field: Field) =>
  field.schema.writeOnly === true || field.schema.airbyte_secret === true;

/** Whether a control hides what is typed: a password box, or a text area drawn as discs. */
function masked(control: Element): string | undefined {
  if (control instanceof HTMLInputElement)
    return control.type === "password" ? undefined : `an input of type ${control.type}`;
  if (control instanceof HTMLTextAreaElement) {
    const style = getComputedStyle(control) as CSSStyleDeclaration & {
      webkitTextSecurity?: string;
    };
    return style.webkitTextSecurity === "disc" ? undefined : "a text area drawn in clear";
  }
  return `a ${control.tagName.toLowerCase()}`;
}

function named(element: Element): boolean {
  return (
    !!(element as HTMLInputElement).labels?.length ||
    !!element.getAttribute("aria-label")?.trim() ||
    (element.getAttribute("aria-labelledby") ?? "")
      .split(/\s+/)
      .some((id) => document.getElementById(id)?.textContent?.trim()) ||
    (element instanceof HTMLButtonElement && !!element.textContent?.trim())
  );
}

async function examine(schema: JsonSchema, prefix: string): Promise<Examined> {
  errors.length = 0;
  root?.unmount();
  const host = document.getElementById("form")!;
  root = createRoot(host);
  flushSync(() =>
    root!.render(<CredentialForm schema={schema} onSubmit={() => {}} idPrefix={prefix} />),
  );
  for (let i = 0; i < 100 && !host.querySelector(".cd-form button"); i++) await frame();
  const fields = fieldsOf(planOf(schema));
  const secretsShown = new Set<string>();
  const unmasked = new Set<string>();
  const unnamed = new Set<string>();
  const controls = new Set<Element>();
  const hiddenShown = new Set<string>();
  const misordered = new Set<string>();
  const overflowing = new Set<string>();
  const containers = containersOf(planOf(schema));
  const look = () => {
    for (const field of fields)
      if (
        field.schema.airbyte_hidden === true &&
        document.getElementById(`${prefix}-${field.index}`)
      )
        hiddenShown.add(`${field.path} ${field.title}`);
    for (const { path, fields: children } of containers) {
      const element = (field: Field) => document.getElementById(`${prefix}-${field.index}`);
      // Fields in named sections (Airbyte's `group`) follow `order` within their section.
      const sections = new Map<string, Field[]>();
      for (const field of children.filter((child) => element(child))) {
        const section = typeof field.schema.group === "string" ? field.schema.group : "";
        sections.set(section, [...(sections.get(section) ?? []), field]);
      }
      for (const [section, shown] of sections) {
        if (shown.length < 2) continue;
        const onPage = [...shown].sort((a, b) =>
          element(a)!.compareDocumentPosition(element(b)!) & Node.DOCUMENT_POSITION_FOLLOWING
            ? -1
            : 1,
        );
        const keys = (list: Field[]) => list.map((field) => field.key).join(", ");
        if (keys(onPage) !== keys(inOrder(shown)))
          misordered.add(
            `${path}${section && ` (section ${section})`}: shown ${keys(onPage)}; in order ${keys(inOrder(shown))}`,
          );
      }
    }
    for (const field of fields) {
      if (!isSecret(field)) continue;
      const control = document.getElementById(`${prefix}-${field.index}`);
      if (!control) continue; // not shown in this state (another method is chosen)
      secretsShown.add(`${field.path} ${field.title}`);
      const how = masked(control);
      if (how) unmasked.add(`${field.path} ${field.title} (${how})`);
    }
    const edge = host.getBoundingClientRect().right;
    for (const element of host.querySelectorAll("input, select, textarea, button")) {
      controls.add(element);
      if (element.getBoundingClientRect().right > edge + 1)
        overflowing.add(element.outerHTML.slice(0, 120));
      if (!named(element)) unnamed.add(element.outerHTML.slice(0, 120));
    }
  };
  look();
  // Each method of each choice (radios, or a select of methods), one after another.
  let states = 1;
  const choices = () => [
    ...host.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      ".cd-choice input[type=radio], .cd-choice select[id$='-s']",
    ),
  ];
  const seen = new Set<string>();
  for (let step = 0; step < 400; step++) {
    const next = choices().find((control) => !seen.has(control.id));
    if (!next) break;
    seen.add(next.id);
    if (next instanceof HTMLSelectElement) {
      for (let option = 0; option < next.options.length; option++) {
        next.selectedIndex = option;
        next.dispatchEvent(new Event("change", { bubbles: true }));
        await frame();
        look();
        states++;
      }
    } else {
      next.click();
      await frame();
      look();
      states++;
    }
  }
  return {
    controls: controls.size,
    secretsShown: [...secretsShown],
    unmasked: [...unmasked],
    unnamed: [...unnamed],
    hiddenShown: [...hiddenShown],
    misordered: [...misordered],
    overflowing: [...overflowing],
    states,
    errors: [...errors],
  };
}

(window as unknown as { examine: typeof examine }).examine = examine;
document.body.dataset.ready = "true";
