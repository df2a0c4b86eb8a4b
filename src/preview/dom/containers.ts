import { type Field, pointer } from "../plan.ts";
import type { Json } from "../types.ts";
import { type Cleanup, type RenderContext, runCleanup } from "./context.ts";
import { button, h } from "./elements.ts";
import { ErrorSlot } from "./error-slot.ts";

/**
 * Fields that hold fields: a group (fieldset), an auth-method choice (radios or a select, then the
 * chosen method's fields) and a list of strings (items with move up / move down / remove, and add).
 * Each listens to its own path in the store and updates its part of the DOM when it changes.
 */

/** `<fieldset id=… class="cd-field cd-<kind>">` with its legend (title and required mark) and help. */
function fieldset(f: Field, cx: RenderContext) {
  const { doc } = cx;
  const id = cx.prefix + f.index;
  const legend = h(doc, "legend", null, f.title);
  if (f.required)
    legend.append(
      h(doc, "span", { className: "cd-req", "aria-hidden": "true", textContent: " * " }),
    );
  const help = f.help
    ? h(doc, "p", { id: `${id}-h`, className: "cd-help", textContent: f.help })
    : undefined;
  const box = h(
    doc,
    "fieldset",
    { id, className: `cd-field cd-${f.kind}`, "aria-describedby": help?.id },
    legend,
    ...(help ? [help] : []),
  );
  return { box, legend, help, id };
}

export function group(f: Field, cx: RenderContext, cleanup: Cleanup): HTMLElement {
  const { box, legend, help, id } = fieldset(f, cx);
  const error = new ErrorSlot(id, !!f.help, box, undefined, help ?? legend, "after");
  error.show(cx.store.shown(f.path));
  cleanup.push(cx.store.on(f.path, () => error.show(cx.store.shown(f.path))));
  cx.renderFields(f.fields!, box, cleanup);
  return box;
}

/** An auth-method choice: radios (up to five methods) or a select, then the chosen method's fields. */
export function choice(f: Field, cx: RenderContext, cleanup: Cleanup): HTMLElement {
  const { doc, store } = cx;
  const { box, legend, id } = fieldset(f, cx);
  const branches = f.branches!;
  let chosen = store.branch(f);
  const common = {
    "aria-labelledby": (legend.id = `${id}-l`),
    "aria-required": f.required ? "true" : undefined,
    disabled: cx.disabled,
    onblur: () => store.touch(f.path),
  };
  const radios =
    branches.length <= 5
      ? branches.map((_branch, j) =>
          h(doc, "input", {
            type: "radio",
            name: id,
            id: `${id}-${j}`,
            checked: j === chosen,
            disabled: cx.disabled,
            onchange: () => store.choose(f, j),
            onblur: common.onblur,
          }),
        )
      : [];
  const select = radios.length
    ? undefined
    : h(doc, "select", {
        id: `${id}-s`,
        ...common,
        onchange: () => store.choose(f, Number(select!.value)),
      });
  const control =
    select ??
    h(
      doc,
      "div",
      {
        className: "cd-options",
        role: "radiogroup",
        ...common,
        disabled: undefined,
        onblur: undefined,
      },
      ...radios.map((radio, j) => h(doc, "label", null, radio, ` ${branches[j]!.title} `)),
    );
  /** The select's options: a "—" first while no method is chosen. */
  const fillSelect = () => {
    if (!select) return;
    const options = branches.map((branch, j) =>
      h(doc, "option", { value: String(j), textContent: branch.title }),
    );
    if (chosen < 0) options.unshift(h(doc, "option", { value: "-1", textContent: "—" }));
    select.replaceChildren(...options);
    select.value = String(chosen);
  };
  fillSelect();
  box.append(control);
  const error = new ErrorSlot(id, !!f.help, box, control, control, "after");
  error.show(store.shown(f.path));

  // The chosen method's fields, after everything else in the fieldset.
  let branchNodes: ChildNode[] = [];
  const branchCleanup: Cleanup = [];
  const renderBranch = () => {
    runCleanup(branchCleanup);
    for (const node of branchNodes) node.remove();
    const part = doc.createDocumentFragment();
    cx.renderFields(branches[chosen]?.fields ?? [], part, branchCleanup);
    branchNodes = [...part.childNodes];
    box.append(part);
  };
  renderBranch();
  cleanup.push(
    () => runCleanup(branchCleanup),
    store.on(f.path, () => {
      const now = store.branch(f);
      if (now !== chosen) {
        chosen = now;
        radios.forEach((radio, j) => {
          radio.checked = j === now;
        });
        fillSelect();
        renderBranch();
      }
      error.show(store.shown(f.path));
    }),
  );
  return box;
}

/** A list of strings: items with move up / move down / remove, and add. */
export function list(f: Field, cx: RenderContext, cleanup: Cleanup): HTMLElement {
  const { doc, store } = cx;
  const { box, id } = fieldset(f, cx);
  const items = h(doc, "ol", { className: "cd-items" });
  const itemsOf = (): Json[] => {
    const v = store.get(f.tokens);
    return Array.isArray(v) ? v : [];
  };
  /** The array this list last stored: another one in the store came from elsewhere and is rendered anew. */
  let shown: Json[] | undefined;
  let itemCleanup: Cleanup = [];
  /** Stores the items; a change of their number or order renders them anew and moves the focus to `focus`. */
  const change = (next: Json[], focus?: string) => {
    store.set(f, (shown = next));
    if (focus === undefined) return;
    renderItems();
    doc.getElementById(focus)?.focus();
    store.touch(f.path);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = itemsOf().slice(),
      j = i + by;
    [next[i], next[j]] = [next[j]!, next[i]!];
    change(next, `${id}-${j}${j === 0 || j === next.length - 1 ? "" : by < 0 ? "-up" : "-down"}`);
  };
  const renderItems = () => {
    runCleanup(itemCleanup);
    itemCleanup = [];
    const values = (shown = itemsOf()),
      last = values.length - 1;
    items.replaceChildren(
      ...values.map((v, i) => {
        const itemId = `${id}-${i}`,
          path = pointer(f.path, i),
          name = `${f.title} item ${i + 1}`;
        const input = h(doc, "input", {
          id: itemId,
          type: f.secret ? "password" : "text",
          "aria-label": name,
          autocapitalize: "off",
          spellcheck: "false",
          value: typeof v === "string" ? v : "",
          disabled: cx.disabled,
          oninput: () => change(itemsOf().map((x, j) => (j === i ? input.value : x))),
          onblur: () => {
            store.touch(path);
            store.touch(f.path);
          },
        });
        const up = button(doc, "↑", `Move ${name} up`, () => move(i, -1), {
          id: `${itemId}-up`,
          disabled: cx.disabled || i === 0,
        });
        const down = button(doc, "↓", `Move ${name} down`, () => move(i, 1), {
          id: `${itemId}-down`,
          disabled: cx.disabled || i === last,
        });
        if (i === 0) cx.disabledAlways.add(up);
        if (i === last) cx.disabledAlways.add(down);
        const remove = button(
          doc,
          "Remove",
          `Remove ${name}`,
          () => {
            const now = itemsOf();
            change(
              now.filter((_, j) => j !== i),
              now.length > 1 ? `${id}-${Math.min(i, now.length - 2)}` : `${id}-add`,
            );
          },
          { disabled: cx.disabled },
        );
        const li = h(doc, "li", null, input, up, down, remove);
        const error = new ErrorSlot(itemId, false, input, input, li, "append");
        error.show(store.shown(path));
        itemCleanup.push(store.on(path, () => error.show(store.shown(path))));
        return li;
      }),
    );
  };
  renderItems();
  const add = button(
    doc,
    "Add",
    `Add ${f.title} item`,
    () => change([...itemsOf(), ""], `${id}-${itemsOf().length}`),
    { id: `${id}-add`, disabled: cx.disabled },
  );
  box.append(items, add);
  const error = new ErrorSlot(id, !!f.help, box, undefined, add, "after");
  error.show(store.shown(f.path));
  cleanup.push(
    () => runCleanup(itemCleanup),
    store.on(f.path, () => {
      if (store.get(f.tokens) !== shown) renderItems();
      error.show(store.shown(f.path));
    }),
  );
  return box;
}
