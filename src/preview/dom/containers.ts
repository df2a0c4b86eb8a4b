import { type Field, pointer } from "../plan.ts";
import type { Json } from "../types.ts";
import { type Cleanup, type RenderContext, type Rendered, runCleanup } from "./context.ts";
import { button, h, option } from "./elements.ts";
import { errorSlot } from "./error-slot.ts";

/**
 * Fields that hold fields: a group (fieldset), an auth-method choice (radios or a select, then the
 * chosen method's fields) and a list of strings (items with move up / move down / remove, and add).
 * Each listens to its own path in the store and updates its part of the DOM when it changes.
 * When the form takes a new plan, a container whose own look is unchanged keeps its box and is
 * bound again (see reconcile.ts): so the handlers read the field and the store when they run.
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
  return { box, legend, help };
}

/**
 * A container's box as a Rendered: its error (after `anchor`) and its listener on the store.
 * `bind` (now, and again on each rebind) takes a field and the current store, renders what is the
 * field's own, and may give what to do when the value at its path changes.
 */
function container(
  field: Field,
  box: HTMLElement,
  cx: RenderContext,
  cleanup: Cleanup,
  invalid: Element | undefined,
  anchor: Element,
  bind: (f: Field, cleanup: Cleanup) => (() => void) | undefined,
): Rendered {
  const error = errorSlot(!!field.help, box, invalid, anchor, "after");
  const rendered = {
    box,
    field,
    rebind(f: Field, cleanup: Cleanup) {
      const { store } = cx;
      rendered.field = f;
      error(store.shown(f.path));
      const changed = bind(f, cleanup);
      cleanup.push(
        store.on(f.path, () => {
          changed?.();
          error(store.shown(f.path));
        }),
      );
      return rendered;
    },
  };
  return rendered.rebind(field, cleanup);
}

export function group(field: Field, cx: RenderContext, cleanup: Cleanup): Rendered {
  const { box, legend, help } = fieldset(field, cx);
  return container(field, box, cx, cleanup, undefined, help ?? legend, (f, cleanup) => {
    cx.renderFields(f.shown!, box, cleanup);
    return undefined;
  });
}

/**
 * A named section of a container's fields (Airbyte's `group`): a fieldset whose legend is the
 * section's title. It has no value, required mark or error of its own: its fields have theirs.
 */
export function section(field: Field, cx: RenderContext, cleanup: Cleanup): Rendered {
  const { doc } = cx;
  const box = h(
    doc,
    "fieldset",
    { id: cx.prefix + field.index, className: "cd-field cd-section" },
    h(doc, "legend", null, field.title),
  );
  const rendered = {
    box,
    field,
    rebind(f: Field, cleanup: Cleanup) {
      rendered.field = f;
      cx.renderFields(f.shown!, box, cleanup);
      return rendered;
    },
  };
  return rendered.rebind(field, cleanup);
}

/** An auth-method choice: radios (up to five methods) or a select, then the chosen method's fields. */
export function choice(field: Field, cx: RenderContext, cleanup: Cleanup): Rendered {
  const { doc } = cx;
  let f = field,
    chosen = -1;
  const { box, legend } = fieldset(f, cx);
  const common = {
    "aria-labelledby": (legend.id = `${box.id}-l`),
    "aria-required": f.required ? "true" : undefined,
    disabled: cx.disabled,
    onblur: () => cx.store.touch(f.path),
  };
  const radios =
    f.branches!.length <= 5
      ? f.branches!.map((_branch, j) =>
          h(doc, "input", {
            type: "radio",
            name: box.id,
            id: `${box.id}-${j}`,
            disabled: cx.disabled,
            onchange: () => cx.store.choose(f, j),
            onblur: common.onblur,
          }),
        )
      : [];
  const select = radios.length
    ? undefined
    : h(doc, "select", {
        id: `${box.id}-s`,
        ...common,
        onchange: () => cx.store.choose(f, Number(select!.value)),
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
      ...radios.map((radio, j) => h(doc, "label", null, radio, ` ${f.branches![j]!.title} `)),
    );
  /** Shows the chosen method: its radio checked, or the select's options ("—" first while none is). */
  const showChosen = () => {
    radios.forEach((radio, j) => {
      radio.checked = j === chosen;
    });
    if (!select) return;
    const options = f.branches!.map((branch, j) => option(doc, j, branch.title));
    if (chosen < 0) options.unshift(option(doc, -1, "—"));
    select.replaceChildren(...options);
    select.value = String(chosen);
  };
  box.append(control);

  // The chosen method's fields, after everything else in the fieldset.
  let branchNodes: ChildNode[] = [];
  const branchCleanup: Cleanup = [];
  const showBranch = () => {
    runCleanup(branchCleanup);
    branchNodes = cx.renderFields(f.branches![chosen]?.shown ?? [], box, branchCleanup);
  };
  return container(f, box, cx, cleanup, control, control, (next, cleanup) => {
    f = next;
    chosen = cx.store.branch(f);
    showChosen();
    showBranch();
    cleanup.push(() => runCleanup(branchCleanup));
    return () => {
      const now = cx.store.branch(f);
      if (now === chosen) return;
      chosen = now;
      showChosen();
      for (const node of branchNodes) node.remove();
      showBranch();
    };
  });
}

/** A list of strings: items with move up / move down / remove, and add. */
export function list(field: Field, cx: RenderContext, cleanup: Cleanup): Rendered {
  const { doc } = cx;
  let f = field;
  const { box } = fieldset(f, cx);
  const items = h(doc, "ol", { className: "cd-items" });
  const itemsOf = (): Json[] => {
    const v = cx.store.get(f.tokens);
    return Array.isArray(v) ? v : [];
  };
  /** The array this list last stored: another one in the store came from elsewhere and is rendered anew. */
  let shown: Json[] | undefined;
  const itemCleanup: Cleanup = [];
  /** Stores the items; a change of their number or order renders them anew and moves the focus to `focus`. */
  const change = (next: Json[], focus?: string) => {
    cx.store.set(f, (shown = next));
    if (focus === undefined) return;
    renderItems();
    doc.getElementById(focus)?.focus();
    cx.store.touch(f.path);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = itemsOf().slice(),
      j = i + by;
    [next[i], next[j]] = [next[j]!, next[i]!];
    change(
      next,
      `${box.id}-${j}${j === 0 || j === next.length - 1 ? "" : by < 0 ? "-up" : "-down"}`,
    );
  };
  const renderItems = () => {
    runCleanup(itemCleanup);
    const { store } = cx,
      id = box.id;
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
        const error = errorSlot(false, input, input, li, "append");
        error(store.shown(path));
        itemCleanup.push(store.on(path, () => error(store.shown(path))));
        return li;
      }),
    );
  };
  const add = button(
    doc,
    "Add",
    `Add ${f.title} item`,
    () => change([...itemsOf(), ""], `${box.id}-${itemsOf().length}`),
    { id: `${box.id}-add`, disabled: cx.disabled },
  );
  box.append(items, add);
  return container(f, box, cx, cleanup, undefined, add, (next, cleanup) => {
    f = next;
    // The items are few and cheap: made anew (from the new store, with the new number).
    renderItems();
    cleanup.push(() => runCleanup(itemCleanup));
    return () => {
      if (cx.store.get(f.tokens) !== shown) renderItems();
    };
  });
}
