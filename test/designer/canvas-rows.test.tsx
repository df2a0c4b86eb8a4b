import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import type { Finding } from "../../src/check/types.ts";
import { Canvas } from "../../src/designer/canvas/canvas.tsx";
import {
  type ProblemCount,
  RowProblemsProvider,
  WINDOW_ROW,
} from "../../src/designer/canvas/row-problems.tsx";
import { DesignerDnd } from "../../src/designer/dnd/designer-dnd.tsx";
import { CanvasProblems, countByNode } from "../../src/designer/problems/use-problems-by-node.ts";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { JsonValue } from "../../src/json/value.ts";
import type { FieldNode } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import deep from "../fixtures/deep-design.schema.json" with { type: "json" };

afterEach(cleanup);

const SAMPLE = {
  type: "object",
  required: ["host", "token"],
  properties: {
    host: { type: "string", title: "Host", format: "hostname", pattern: "^[a-z.]+$" },
    token: { type: "string", title: "Token", writeOnly: true },
    account: {
      type: "object",
      title: "Account",
      properties: { login: { type: "string", title: "Login" } },
    },
    auth: {
      title: "Authentication",
      oneOf: [
        { title: "None", type: "object", properties: { type: { const: "none" } } },
        {
          title: "Basic",
          type: "object",
          required: ["password"],
          properties: {
            type: { const: "basic" },
            password: { type: "string", title: "Password", writeOnly: true },
          },
        },
      ],
    },
  },
};

type Counts = ReadonlyMap<string, ProblemCount>;
const errors = (n: number): ProblemCount => ({ errors: n, warnings: 0 });
const warnings = (n: number): ProblemCount => ({ errors: 0, warnings: n });

function setup(schema: object = SAMPLE, problems: Counts = new Map()) {
  const store = new DesignerStore(importSchema(structuredClone(schema) as JsonValue));
  const ui = (counts: Counts) => (
    <RowProblemsProvider problems={counts}>
      <DesignerDnd store={store}>
        <Canvas store={store} />
      </DesignerDnd>
    </RowProblemsProvider>
  );
  const { rerender } = render(ui(problems));
  return {
    store,
    user: userEvent.setup(),
    setProblems: (counts: Counts) => rerender(ui(counts)),
  };
}

const rowOf = (name: string) => screen.getByRole("button", { name: `Move ${name}` }).closest("li")!;
/** The row's own line, not a nested row's: the tree item. */
const lineOf = (name: string) => rowOf(name).querySelector<HTMLElement>(":scope > .cd-row")!;
/** What the row shows of its field (icon, title, key, badges, tooltip). */
const selectOf = (name: string) => lineOf(name).querySelector<HTMLElement>(".cd-row-select")!;
/** The row's accessible name: the text its tree item is labelled by. */
const labelOf = (name: string) =>
  document.getElementById(lineOf(name).getAttribute("aria-labelledby")!)?.textContent;
const find = (node: FieldNode, key: string): FieldNode | undefined => {
  for (const child of [...(node.fields ?? []), ...(node.branches ?? [])]) {
    if (child.key === key) return child;
    const found = find(child, key);
    if (found) return found;
  }
  return undefined;
};

describe("canvas rows: one line, everything in words for screen readers", () => {
  it("the row is named by title, key, kind and badges; its tooltip says the same", () => {
    setup();
    expect(screen.getByRole("treeitem", { name: "Host, host, Host name, required, pattern" })).toBe(
      lineOf("Host"),
    );
    expect(screen.getByRole("treeitem", { name: "Token, token, Secret, required, secret" })).toBe(
      lineOf("Token"),
    );
    expect(screen.getByRole("treeitem", { name: "Account, account, Group" })).toBe(
      lineOf("Account"),
    );
    // A branch: its discriminator's value instead of a key.
    expect(screen.getByRole("treeitem", { name: "Basic, basic, Branch" })).toBe(lineOf("Basic"));
    expect(
      screen.getByRole("treeitem", { name: "Password, password, Secret, required, secret" }),
    ).toBe(lineOf("Password"));
    expect(selectOf("Host").title).toBe("Host (host) · Host name · required · pattern");
    expect(selectOf("Basic").title).toBe("Basic (basic) · Branch");
    // Handle and actions keep their names.
    for (const name of ["Move Host", "Duplicate Host", "Delete Host", "Delete Basic"])
      expect(screen.getByRole("button", { name })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Duplicate Basic" })).toBeNull();
  });

  it("a row shows its errors and warnings from RowProblemsContext, each its own badge, and follows them", () => {
    const { store, setProblems } = setup();
    const host = find(store.doc.root, "host")!.id;
    const basic = store.doc.root.fields![3]!.branches![1]!.id;
    const badges = (name: string) =>
      [...selectOf(name).querySelectorAll(".cd-badge-problem")].map((badge) => ({
        severity: badge.classList.contains("cd-badge-error") ? "error" : "warning",
        icon: badge.querySelector("svg path")?.getAttribute("d")?.slice(0, 12),
        text: badge.getAttribute("data-count") ?? "",
      }));
    expect(badges("Host")).toEqual([]);
    setProblems(new Map([[host, errors(1)]]));
    expect(
      screen.getByRole("treeitem", {
        name: "Host, host, Host name, required, pattern, 1 error",
      }),
    ).toBe(lineOf("Host"));
    const [error] = badges("Host");
    expect(error).toMatchObject({ severity: "error", text: "" });

    setProblems(new Map([[basic, warnings(2)]]));
    expect(badges("Host")).toEqual([]);
    expect(screen.getByRole("treeitem", { name: "Basic, basic, Branch, 2 warnings" })).toBe(
      lineOf("Basic"),
    );
    expect(selectOf("Basic").title).toBe("Basic (basic) · Branch · 2 warnings");
    const [warning] = badges("Basic");
    expect(warning).toMatchObject({ severity: "warning", text: "2" });
    // Not colour alone: the two draw different icons.
    expect(warning!.icon).not.toBe(error!.icon);

    setProblems(new Map([[host, { errors: 2, warnings: 1 }]]));
    expect(labelOf("Host")).toBe("Host, host, Host name, required, pattern, 2 errors, 1 warning");
    expect(badges("Host").map(({ severity, text }) => `${severity} ${text}`)).toEqual([
      "error 2",
      "warning ",
    ]);
  });

  it("CanvasProblems gives the rows the design check's counts, and follows the design", async () => {
    const store = new DesignerStore(importSchema(structuredClone(SAMPLE) as JsonValue));
    const finding = (pointer: string): Finding => ({
      rule: "test",
      severity: "warning",
      pointer,
      message: "m",
      fix: "f",
    });
    // Two findings on Host (one in its keywords), one on the branch Basic's password, one on the window.
    const check = async (schema: { properties?: object }) =>
      "host" in (schema.properties ?? {})
        ? [
            finding("/properties/host"),
            { ...finding("/properties/host/pattern"), severity: "error" as const },
            finding("/properties/auth/oneOf/1/properties/password"),
            finding(""),
          ]
        : [];
    render(
      <CanvasProblems store={store} timing={{ delayMs: 0, check }}>
        <DesignerDnd store={store}>
          <Canvas store={store} />
        </DesignerDnd>
      </CanvasProblems>,
    );
    await waitFor(() =>
      expect(labelOf("Host")).toBe("Host, host, Host name, required, pattern, 1 error, 1 warning"),
    );
    expect(labelOf("Password")).toMatch(/, 1 warning$/);
    expect(labelOf("Token")).not.toMatch(/error|warning/);
    // The window's own, on its "Window properties" button.
    const windowButton = screen.getByRole("button", { name: "Window properties, 1 warning" });
    expect(windowButton.querySelector(".cd-badge-warning")).not.toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Delete Host" }));
    await waitFor(() => expect(labelOf("Password")).not.toMatch(/warning/));
  });

  it("countByNode counts the errors and warnings per row, the window's own under WINDOW_ROW", () => {
    const error = { severity: "error", message: "", fix: "", pointer: "" } as never;
    const warning = { severity: "warning", message: "", fix: "", pointer: "" } as never;
    const counts = countByNode([
      { finding: error, nodeId: "a", place: "A" },
      { finding: warning, nodeId: "b", place: "B" },
      { finding: error, nodeId: "a", place: "A" },
      { finding: warning, nodeId: "a", place: "A" },
      { finding: error, nodeId: undefined, place: "Window" },
    ]);
    expect([...counts]).toEqual([
      ["a", { errors: 2, warnings: 1 }],
      ["b", { errors: 0, warnings: 1 }],
      [WINDOW_ROW, { errors: 1, warnings: 0 }],
    ]);
    expect(countByNode(undefined).size).toBe(0);
  });
});

describe("canvas rows: folding groups, choices and branches", () => {
  it("groups, choices and branches have a fold button; leaves a blank of the same width", () => {
    setup();
    for (const name of ["Account", "Authentication", "None", "Basic"]) {
      const toggle = within(rowOf(name)).getAllByRole("button", { name: `Collapse ${name}` });
      expect(toggle).toHaveLength(1);
      expect(toggle[0]!.getAttribute("aria-expanded")).toBe("true");
    }
    for (const name of ["Host", "Token", "Login", "Password"]) {
      expect(screen.queryByRole("button", { name: `Collapse ${name}` })).toBeNull();
      const blank = rowOf(name).querySelector(":scope > .cd-row > .cd-row-toggle")!;
      expect(blank.tagName).toBe("SPAN");
      expect(blank.getAttribute("aria-hidden")).toBe("true");
    }
  });

  it("collapsing hides the children (not rendered), expanding shows them; not an edit", async () => {
    const { store, user } = setup();
    await user.click(screen.getByRole("button", { name: "Collapse Authentication" }));
    const expand = screen.getByRole("button", { name: "Expand Authentication" });
    expect(expand.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("group", { name: "Branches of Authentication" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Move Password" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Move Basic" })).toBeNull();
    // Other rows stay.
    expect(screen.getByRole("button", { name: "Move Login" })).toBeTruthy();
    await user.click(expand);
    expect(screen.getByRole("button", { name: "Move Password" })).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "Collapse Authentication" }).getAttribute("aria-expanded"),
    ).toBe("true");
    // A branch folds on its own.
    await user.click(screen.getByRole("button", { name: "Collapse Basic" }));
    expect(screen.queryByRole("button", { name: "Move Password" })).toBeNull();
    expect(screen.getByRole("button", { name: "Move None" })).toBeTruthy();
    expect(store.canUndo).toBe(false);
  });

  it("selecting a row inside folded nodes unfolds them, so the selected row shows", () => {
    const { store } = setup(deep);
    const outer = store.doc.root.fields!.find((field) => field.fields || field.branches)!;
    // Fold everything that folds, outermost first.
    const folding: FieldNode[] = [];
    const walk = (node: FieldNode) => {
      for (const child of [...(node.fields ?? []), ...(node.branches ?? [])]) {
        if (child.fields || child.branches) folding.push(child);
        walk(child);
      }
    };
    walk(store.doc.root);
    expect(folding.length).toBeGreaterThanOrEqual(4);
    for (const node of [...folding].reverse()) act(() => store.toggleCollapsed(node.id));
    expect(
      rowOf(nameOf(outer))
        .querySelector(":scope > .cd-row .cd-row-toggle")!
        .getAttribute("aria-expanded"),
    ).toBe("false");
    // The deepest leaf: four levels down.
    const leaf = deepestLeaf(store.doc.root);
    expect(leaf.depth).toBe(4);
    expect(screen.queryByRole("button", { name: `Move ${nameOf(leaf.node)}` })).toBeNull();
    act(() => store.select(leaf.node.id));
    const row = rowOf(nameOf(leaf.node));
    expect(row.querySelector(":scope > .cd-row")!.getAttribute("aria-selected")).toBe("true");
    // Its four ancestors are unfolded; their other folded descendants stay folded.
    let ancestors = 0;
    for (
      let item = row.parentElement?.closest("li");
      item;
      item = item.parentElement?.closest("li")
    ) {
      expect(
        item.querySelector(":scope > .cd-row .cd-row-toggle")!.getAttribute("aria-expanded"),
      ).toBe("true");
      ancestors++;
    }
    expect(ancestors).toBe(4);
  });
});

function nameOf(node: FieldNode): string {
  const title = typeof node.schema === "object" ? node.schema.title : undefined;
  return typeof title === "string" ? title : node.key;
}

function deepestLeaf(root: FieldNode): { node: FieldNode; depth: number } {
  let best = { node: root, depth: -1 };
  const walk = (node: FieldNode, depth: number) => {
    for (const child of [...(node.fields ?? []), ...(node.branches ?? [])]) {
      if (!child.fields && !child.branches && depth > best.depth && child.schema !== true)
        if (typeof child.schema !== "object" || !("const" in child.schema))
          best = { node: child, depth };
      walk(child, depth + 1);
    }
  };
  walk(root, 0);
  return best;
}
