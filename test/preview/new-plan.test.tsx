import { act, cleanup, fireEvent, render } from "@testing-library/react";
import fc from "fast-check";
import { afterEach, beforeAll, expect, test, vi } from "vitest";
import {
  CredentialForm,
  type CredentialFormProps,
  type CredentialValue,
  type JsonSchema,
} from "../../src/preview/index.ts";
import { settle } from "./support.tsx";

/**
 * A new schema object for a form on the page (a designer makes one on every edit) shows as a fresh
 * form of that schema would, while the boxes of the fields whose look is unchanged stay the same
 * nodes, where they were.
 */

// The first new plan mounts the form anew while it loads the reconciler (a chunk of its own).
beforeAll(async () => {
  const first = render(<CredentialForm schema={{ type: "object" }} />);
  first.rerender(<CredentialForm schema={{ type: "object" }} />);
  await settle();
  first.unmount();
});
afterEach(cleanup);

// ---- A small model of credential schemas, its edits, and its schema and value ----

const LEAF_KINDS = [
  "text",
  "url",
  "secret",
  "pem",
  "number",
  "integer",
  "boolean",
  "select",
  "list",
  "multiline",
  "custom",
] as const;
type LeafKind = (typeof LEAF_KINDS)[number];

interface Common {
  key: string;
  title?: string | undefined;
  required: boolean;
  help?: string | undefined;
}
interface Leaf extends Common {
  kind: LeafKind;
  example?: string | undefined;
}
interface Group extends Common {
  kind: "group";
  fields: Item[];
}
interface Choice extends Common {
  kind: "choice";
  disc: boolean;
  branches: Array<{ title?: string | undefined; fields: Item[] }>;
}
type Item = Leaf | Group | Choice;

const word = fc.constantFrom("Alpha", "Beta", "Gamma", "Delta");
const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const common = {
  key: fc.constant(""),
  title: maybe(word),
  required: fc.boolean(),
  help: maybe(word),
};
const leafArb: fc.Arbitrary<Leaf> = fc.record({
  ...common,
  kind: fc.constantFrom(...LEAF_KINDS),
  example: maybe(word),
});
const { item: itemArb } = fc.letrec<{ item: Item; fields: Item[]; group: Group; choice: Choice }>(
  (tie) => ({
    item: fc.oneof({ depthSize: "small" }, leafArb, leafArb, tie("group"), tie("choice")),
    fields: fc.array(tie("item"), { maxLength: 4 }),
    group: fc.record({ ...common, kind: fc.constant("group" as const), fields: tie("fields") }),
    choice: fc.record({
      ...common,
      kind: fc.constant("choice" as const),
      disc: fc.boolean(),
      branches: fc.array(fc.record({ title: maybe(word), fields: tie("fields") }), {
        minLength: 1,
        maxLength: 6,
      }),
    }),
  }),
);

type Edit = {
  op: "insert" | "remove" | "move" | "retitle" | "kind" | "required" | "help";
  a: number;
  b: number;
  item: Item;
  kind: LeafKind | "group";
};
const editArb: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom("insert", "remove", "move", "retitle", "kind", "required", "help"),
  a: fc.nat(),
  b: fc.nat(),
  item: itemArb,
  kind: fc.constantFrom(...LEAF_KINDS, "group" as const),
});

/** Gives the items (and those inside them) keys not used yet. */
function keyed(items: Item[], next: { n: number }): Item[] {
  for (const item of items) {
    item.key = `f${next.n++}`;
    if (item.kind === "group") keyed(item.fields, next);
    if (item.kind === "choice") for (const branch of item.branches) keyed(branch.fields, next);
  }
  return items;
}
const listsOf = (fields: Item[]): Item[][] => [
  fields,
  ...fields.flatMap((item) =>
    item.kind === "group"
      ? listsOf(item.fields)
      : item.kind === "choice"
        ? item.branches.flatMap((branch) => listsOf(branch.fields))
        : [],
  ),
];

/** B: A after the edits (A is not changed). */
function edited(a: Item[], edits: readonly Edit[], next: { n: number }): Item[] {
  const root = structuredClone(a);
  for (const edit of edits) {
    const lists = listsOf(root),
      all = lists.flat(),
      full = lists.filter((list) => list.length > 0);
    const list = lists[edit.a % lists.length]!;
    const picked = full.length ? full[edit.a % full.length]! : undefined;
    const at = picked ? edit.b % picked.length : 0;
    const item = all.length ? all[edit.b % all.length]! : undefined;
    if (edit.op === "insert")
      list.splice(edit.b % (list.length + 1), 0, ...keyed([structuredClone(edit.item)], next));
    else if (edit.op === "remove") picked?.splice(at, 1);
    else if (edit.op === "move" && picked) {
      const [moved] = picked.splice(at, 1);
      // A container moves within its list (not into itself); a leaf to any list.
      const to = moved!.kind === "group" || moved!.kind === "choice" ? picked : list;
      to.splice((edit.a + edit.b) % (to.length + 1), 0, moved!);
    } else if (edit.op === "retitle" && item) item.title = `Renamed ${next.n++}`;
    else if (edit.op === "required" && item) item.required = !item.required;
    else if (edit.op === "help" && item) item.help = item.help ? undefined : "Some help";
    else if (edit.op === "kind" && item && item.kind !== "group" && item.kind !== "choice") {
      if (edit.kind === "group") Object.assign(item, { kind: "group", fields: [] });
      else item.kind = edit.kind;
    }
  }
  return root;
}

const LEAF_SCHEMAS: Record<LeafKind, Record<string, unknown>> = {
  text: { type: "string" },
  url: { type: "string", format: "uri" },
  secret: { type: "string", writeOnly: true },
  pem: { type: "string", "x-widget": "pem" },
  number: { type: "number", minimum: 0 },
  integer: { type: "integer", maximum: 10 },
  boolean: { type: "boolean" },
  select: { type: "string", enum: ["a", "b"], "x-enumNames": ["A", "B"] },
  list: { type: "array", items: { type: "string" }, minItems: 3 },
  multiline: { type: "string", "x-widget": "multiline" },
  custom: { type: "null" },
};

function objectSchema(fields: Item[], extra: Record<string, unknown> = {}) {
  const properties: Record<string, unknown> = { ...extra };
  for (const item of fields) properties[item.key] = schemaOf(item);
  const required = fields.filter((item) => item.required).map((item) => item.key);
  return { type: "object", properties, ...(required.length ? { required } : {}) };
}
function schemaOf(item: Item): Record<string, unknown> {
  const own = {
    ...(item.title ? { title: item.title } : {}),
    ...(item.help ? { description: item.help } : {}),
  };
  if (item.kind === "group") return { ...objectSchema(item.fields), ...own };
  if (item.kind === "choice")
    return {
      ...own,
      oneOf: item.branches.map((branch, i) => ({
        ...(branch.title ? { title: branch.title } : {}),
        ...objectSchema(branch.fields, item.disc ? { type: { const: `m${i}` } } : {}),
      })),
    };
  return {
    ...LEAF_SCHEMAS[item.kind],
    ...own,
    ...(item.example ? { examples: [item.example] } : {}),
  };
}

/** A value for every field of A (a choice: its last method); secrets hold "s3cr3t…". */
function valuesOf(fields: Item[], disc?: string): Record<string, unknown> {
  const v: Record<string, unknown> = disc === undefined ? {} : { type: disc };
  for (const item of fields) {
    const k = item.key;
    if (item.kind === "group") v[k] = valuesOf(item.fields);
    else if (item.kind === "choice") {
      const last = item.branches.length - 1;
      v[k] = valuesOf(item.branches[last]!.fields, item.disc ? `m${last}` : undefined);
    } else if (item.kind === "secret" || item.kind === "pem") v[k] = `s3cr3t-${k}`;
    else if (item.kind === "number" || item.kind === "integer") v[k] = 7;
    else if (item.kind === "boolean") v[k] = true;
    else if (item.kind === "select") v[k] = "b";
    else if (item.kind === "list") v[k] = ["x", "y"];
    else if (item.kind !== "custom") v[k] = `v-${k}`;
  }
  return v;
}

/** What the form shows: its HTML, and the value of each control (a property, not in the HTML). */
function shown(host: Element) {
  return {
    html: host.outerHTML,
    controls: [...host.querySelectorAll<HTMLInputElement>("input,select,textarea")].map((el) =>
      el.type === "checkbox" || el.type === "radio"
        ? `${el.id}=${el.checked}`
        : `${el.id}=${el.value}`,
    ),
  };
}

const form = (props: Partial<CredentialFormProps> & { schema: JsonSchema }) => (
  <CredentialForm idPrefix="t" onSubmit={() => {}} {...props} />
);

test("a form updated from schema A to schema B shows what a fresh form of B shows, and its kept controls still work", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(itemArb, { maxLength: 5 }),
      fc.constantFrom(0, 0, 34),
      fc.array(editArb, { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      async (items, padding, edits, submitted) => {
        const next = { n: 0 };
        const a = keyed(structuredClone(items), next);
        // Sometimes more than 32 fields at the top: blocks, and fields moving across them.
        for (let i = 0; i < padding; i++) a.push({ key: `p${i}`, kind: "text", required: false });
        const b = edited(a, edits, next);
        const [schemaA, schemaB] = [objectSchema(a), objectSchema(b)];
        const value = valuesOf(a);
        const onChange = vi.fn<(value: CredentialValue) => void>();

        const updated = render(form({ schema: schemaA, value, onChange }));
        const host = updated.container.querySelector(".cd-form")!;
        // Errors shown in A (after a submit) and text typed there are not B's.
        if (submitted) fireEvent.click(host.querySelector(".cd-save")!);
        const typedIn = host.querySelector<HTMLInputElement>(".cd-text input");
        if (typedIn) fireEvent.input(typedIn, { target: { value: "typed in A" } });
        const json = host.querySelector(".cd-custom textarea");
        if (json) fireEvent.input(json, { target: { value: "not JSON" } });
        await settle();
        updated.rerender(form({ schema: schemaB, value, onChange }));
        // As shown at once, and once B's value has been validated.
        const at = [shown(host)];
        await settle();
        at.push(shown(host));
        expect(at[1]!.html).not.toContain("s3cr3t");

        // A kept text field still reports what is typed into it.
        const kept = [...host.querySelectorAll<HTMLInputElement>(".cd-text input")].find(
          (el) => el === typedIn,
        );
        if (kept) {
          onChange.mockClear();
          fireEvent.input(kept, { target: { value: "typed in B" } });
          expect(JSON.stringify(onChange.mock.calls.at(-1)?.[0])).toContain("typed in B");
        }
        updated.unmount();

        const fresh = render(form({ schema: schemaB, value }));
        const freshHost = fresh.container.querySelector(".cd-form")!;
        expect(at[0]).toEqual(shown(freshHost));
        await settle();
        expect(at[1]).toEqual(shown(freshHost));
        fresh.unmount();
      },
    ),
    { numRuns: 50 },
  );
}, 120_000);

// ---- Which nodes are kept ----

function manyFields(
  count: number,
  change: (properties: Record<string, unknown>) => void = () => {},
) {
  const properties: Record<string, unknown> = {};
  for (let n = 0; n < count; n++)
    properties[`field${n}`] = { type: "string", title: `Field ${n}`, description: `Help ${n}` };
  change(properties);
  return { type: "object", properties };
}
const boxesOf = (host: Element) => [...host.querySelectorAll<HTMLElement>(".cd-field")];

/** The field boxes taken out of the page and put into it while `change` runs (a move is both). */
function boxesMoved(host: Element, change: () => void) {
  const observer = new MutationObserver(() => {});
  observer.observe(host, { childList: true, subtree: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  const boxes = (nodes: NodeList) =>
    [...nodes].filter(
      (node): node is HTMLElement =>
        node instanceof HTMLElement && node.classList.contains("cd-field"),
    );
  return {
    removed: records.flatMap((record) => boxes(record.removedNodes)),
    added: records.flatMap((record) => boxes(record.addedNodes)),
  };
}

test("retitling one field of 100 keeps every other field's box, the same node; the retitled one shows its new title", async () => {
  const { container, rerender } = render(form({ schema: manyFields(100) }));
  const before = boxesOf(container);
  const moved = boxesMoved(container, () =>
    rerender(
      form({
        schema: manyFields(100, (p) => {
          p.field40 = { type: "string", title: "Renamed", description: "Help 40" };
        }),
      }),
    ),
  );
  const after = boxesOf(container);
  // Nothing else was taken out and put back (the browser would style and lay it out anew).
  expect(moved.removed.map((box) => before.indexOf(box))).toEqual([40]);
  expect(moved.added.map((box) => after.indexOf(box))).toEqual([40]);
  expect(after).toHaveLength(100);
  after.forEach((box, n) => {
    if (n !== 40) expect(box).toBe(before[n]);
  });
  expect(after[40]).not.toBe(before[40]);
  expect(after[40]!.querySelector("label")!.textContent).toBe("Renamed ");
  expect(before[40]!.isConnected).toBe(false);
});

test("a field inserted at the front: the later fields keep their boxes, renumbered (ids, labels, help)", async () => {
  const { container, rerender } = render(form({ schema: manyFields(100) }));
  const before = boxesOf(container);
  const schema = manyFields(100);
  schema.properties = { first: { type: "string" }, ...schema.properties };
  const moved = boxesMoved(container, () => rerender(form({ schema })));
  const after = boxesOf(container);
  expect(after).toHaveLength(101);
  // Only the last field of each full block moved on to the next block.
  const order = (numbers: number[]) => numbers.sort((a, b) => a - b);
  expect(order(moved.removed.map((box) => before.indexOf(box)))).toEqual([31, 63, 95]);
  expect(order(moved.added.map((box) => after.indexOf(box)))).toEqual([0, 32, 64, 96]);
  after.slice(1).forEach((box, n) => {
    expect(box).toBe(before[n]);
  });
  // The root is number 0: the n-th field (from 0) is number n + 1.
  after.forEach((box, n) => {
    const input = box.querySelector("input")!;
    expect(input.id).toBe(`t-${n + 1}`);
    expect(box.querySelector("label")!.htmlFor).toBe(`t-${n + 1}`);
    if (n > 0) {
      expect(box.querySelector(".cd-help")!.id).toBe(`t-${n + 1}-h`);
      expect(input.getAttribute("aria-describedby")).toBe(`t-${n + 1}-h`);
    }
  });
  // Still blocks of 32, in order.
  const blocks = [...container.querySelectorAll(".cd-fields")];
  expect(blocks.map((block) => block.children.length)).toEqual([32, 32, 32, 5]);
});

test("the field being typed into keeps the focus when another field is added, and goes on working", async () => {
  const onChange = vi.fn<(value: CredentialValue) => void>();
  const { container, rerender } = render(form({ schema: manyFields(40), onChange }));
  await settle();
  const input = container.querySelector<HTMLInputElement>("#t-5")!;
  act(() => input.focus());
  expect(document.activeElement).toBe(input);
  const schema = manyFields(40);
  schema.properties = { added: { type: "string" }, ...schema.properties };
  rerender(form({ schema, onChange }));
  expect(document.activeElement).toBe(input);
  expect(input.id).toBe("t-6");
  fireEvent.input(input, { target: { value: "still typing" } });
  expect(onChange.mock.calls.at(-1)![0]).toEqual({ field4: "still typing" });
});
