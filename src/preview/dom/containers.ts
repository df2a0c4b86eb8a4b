import { pointer, type Field } from "../plan.ts";
import type { Json } from "../types.ts";
import { runCleanup, type Cleanup, type RenderContext } from "./context.ts";
import { button, element } from "./elements.ts";
import { errorSlot } from "./error-slot.ts";

/**
 * Fields that hold fields: a group (fieldset), an auth-method choice (radios or a select, then the
 * chosen method's fields) and a list of strings (items with move up / move down / remove, and add).
 * Each listens to its own path in the store and updates its part of the DOM when it changes.
 */

/** `<fieldset id=… class="cd-field cd-<kind>">` with its legend (title and required mark) and help. */
function fieldset(f: Field, cx: RenderContext): { box: HTMLFieldSetElement; legend: HTMLLegendElement; help?: HTMLElement; id: string } {
  const { doc } = cx;
  const id = cx.prefix + f.n;
  const box = element(doc, "fieldset", `cd-field cd-${f.kind}`);
  box.id = id;
  const legend = element(doc, "legend");
  legend.textContent = f.title;
  if (f.req) {
    const mark = element(doc, "span", "cd-req");
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = " * ";
    legend.append(mark);
  }
  box.append(legend);
  let help: HTMLElement | undefined;
  if (f.help) {
    help = element(doc, "p", "cd-help");
    help.id = `${id}-h`;
    help.textContent = f.help;
    box.append(help);
    box.setAttribute("aria-describedby", `${id}-h`);
  }
  return help ? { box, legend, help, id } : { box, legend, id };
}

export function group(f: Field, cx: RenderContext, cleanup: Cleanup): HTMLElement {
  const { box, legend, help, id } = fieldset(f, cx);
  const showError = errorSlot(cx.doc, id, !!f.help, box, undefined, (message) => (help ?? legend).after(message));
  showError(cx.store.shown(f.path));
  cleanup.push(cx.store.on(f.path, () => showError(cx.store.shown(f.path))));
  cx.renderFields(f.fields!, box, cleanup);
  return box;
}

/** An auth-method choice: radios (up to five methods) or a select, then the chosen method's fields. */
export function choice(f: Field, cx: RenderContext, cleanup: Cleanup): HTMLElement {
  const { doc, store } = cx;
  const { box, id } = fieldset(f, cx);
  const legendId = `${id}-l`;
  box.querySelector("legend")!.id = legendId;
  const branches = f.branches!;
  let chosen = store.branch(f);
  let control: HTMLElement;
  let radios: HTMLInputElement[] = [];
  let select: HTMLSelectElement | undefined;
  const touch = () => store.touch(f.path);
  if (branches.length <= 5) {
    control = element(doc, "div", "cd-options");
    control.setAttribute("role", "radiogroup");
    radios = branches.map((branch, j) => {
      const label = element(doc, "label");
      const radio = element(doc, "input");
      radio.type = "radio";
      radio.name = id;
      radio.id = `${id}-${j}`;
      radio.checked = j === chosen;
      if (cx.disabled) radio.disabled = true;
      radio.addEventListener("change", () => store.choose(f, j));
      radio.addEventListener("blur", touch);
      label.append(radio, ` ${branch.title} `);
      control.append(label);
      return radio;
    });
  } else {
    control = select = element(doc, "select");
    select.id = `${id}-s`;
    if (cx.disabled) select.disabled = true;
    select.addEventListener("change", () => store.choose(f, Number(select!.value)));
    select.addEventListener("blur", touch);
  }
  control.setAttribute("aria-labelledby", legendId);
  if (f.req) control.setAttribute("aria-required", "true");
  /** The select's options: a "—" first while no method is chosen. */
  const fillSelect = () => {
    if (!select) return;
    const options = branches.map((branch, j) => {
      const option = element(doc, "option");
      option.value = String(j);
      option.textContent = branch.title;
      return option;
    });
    if (chosen < 0) {
      const none = element(doc, "option");
      none.value = "-1";
      none.textContent = "—";
      options.unshift(none);
    }
    select.replaceChildren(...options);
    select.value = String(chosen);
  };
  fillSelect();
  box.append(control);
  const showError = errorSlot(doc, id, !!f.help, box, control, (message) => control.after(message));
  showError(store.shown(f.path));

  // The chosen method's fields, after everything else in the fieldset.
  let branchNodes: Node[] = [];
  const branchCleanup: Cleanup = [];
  const renderBranch = () => {
    runCleanup(branchCleanup);
    for (const node of branchNodes) (node as ChildNode).remove();
    const fields = branches[chosen]?.fields ?? [];
    const part = doc.createDocumentFragment();
    cx.renderFields(fields, part, branchCleanup);
    branchNodes = [...part.childNodes];
    box.append(part);
  };
  renderBranch();
  cleanup.push(() => runCleanup(branchCleanup));
  cleanup.push(store.on(f.path, () => {
    const now = store.branch(f);
    if (now !== chosen) {
      chosen = now;
      radios.forEach((radio, j) => (radio.checked = j === now));
      fillSelect();
      renderBranch();
    }
    showError(store.shown(f.path));
  }));
  return box;
}

interface ItemOps { edit(i: number, v: string): void; remove(i: number): void; move(i: number, by: -1 | 1): void }

/** A list of strings: items with move up / move down / remove, and add. */
export function list(f: Field, cx: RenderContext, cleanup: Cleanup): HTMLElement {
  const { doc, store } = cx;
  const { box, id } = fieldset(f, cx);
  const items = element(doc, "ol", "cd-items");
  const itemsOf = (): Json[] => {
    const v = store.get(f.tokens);
    return Array.isArray(v) ? v : [];
  };
  /** The array this list last stored: another one in the store came from elsewhere and is rendered anew. */
  let shown: Json[] | undefined;
  let itemCleanup: Cleanup = [];
  const change = (next: Json[], focus?: string) => {
    shown = next;
    store.set(f, next);
    if (focus !== undefined) {
      renderItems();
      doc.getElementById(focus)?.focus();
      store.touch(f.path);
    }
  };
  const swap = (a: Json[], i: number, j: number) => {
    const copy = a.slice();
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    return copy;
  };
  const ops: ItemOps = {
    edit: (i, v) => change(itemsOf().map((x, j) => (j === i ? v : x))),
    remove: (i) => {
      const now = itemsOf();
      change(now.filter((_, j) => j !== i), now.length > 1 ? `${id}-${Math.min(i, now.length - 2)}` : `${id}-add`);
    },
    move: (i, by) => {
      const now = itemsOf(), j = i + by, edge = j === 0 || j === now.length - 1;
      change(swap(now, i, j), `${id}-${j}${edge ? "" : by < 0 ? "-up" : "-down"}`);
    },
  };
  const renderItems = () => {
    runCleanup(itemCleanup);
    itemCleanup = [];
    const values = (shown = itemsOf());
    items.replaceChildren(...values.map((v, i) => item(f, cx, itemCleanup, i, v, values.length, `${id}-${i}`, ops)));
  };
  renderItems();
  const add = button(doc, "Add", `Add ${f.title} item`, () => change([...itemsOf(), ""], `${id}-${itemsOf().length}`));
  add.id = `${id}-add`;
  if (cx.disabled) add.disabled = true;
  box.append(items, add);
  const showError = errorSlot(doc, id, !!f.help, box, undefined, (message) => add.after(message));
  showError(store.shown(f.path));
  cleanup.push(() => runCleanup(itemCleanup));
  cleanup.push(store.on(f.path, () => {
    if (store.get(f.tokens) !== shown) renderItems();
    showError(store.shown(f.path));
  }));
  return box;
}

function item(f: Field, cx: RenderContext, cleanup: Cleanup, i: number, v: Json, count: number, id: string, ops: ItemOps): HTMLElement {
  const { doc, store } = cx;
  const path = pointer(f.path, i);
  const name = `${f.title} item ${i + 1}`;
  const li = element(doc, "li");
  const input = element(doc, "input");
  input.id = id;
  input.type = f.secret ? "password" : "text";
  input.setAttribute("aria-label", name);
  input.setAttribute("autocapitalize", "off");
  input.setAttribute("spellcheck", "false");
  input.value = typeof v === "string" ? v : "";
  input.addEventListener("input", () => ops.edit(i, input.value));
  input.addEventListener("blur", () => (store.touch(path), store.touch(f.path)));
  const up = button(doc, "↑", `Move ${name} up`, () => ops.move(i, -1));
  up.id = `${id}-up`;
  const down = button(doc, "↓", `Move ${name} down`, () => ops.move(i, 1));
  down.id = `${id}-down`;
  const remove = button(doc, "Remove", `Remove ${name}`, () => ops.remove(i));
  for (const el of [input, up, down, remove]) if (cx.disabled) el.disabled = true;
  for (const [el, off] of [[up, i === 0], [down, i === count - 1]] as const) {
    if (!off) continue;
    el.disabled = true;
    cx.disabledAlways.add(el);
  }
  li.append(input, up, down, remove);
  const showError = errorSlot(doc, id, false, input, input, (message) => li.append(message));
  showError(store.shown(path));
  cleanup.push(store.on(path, () => showError(store.shown(path))));
  return li;
}
