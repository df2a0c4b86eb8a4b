import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import type { CredentialValue } from "../../src/preview/index.ts";
import { renderForm, template } from "./support.tsx";

afterEach(cleanup);

async function setup(defaultValue?: CredentialValue) {
  const onChange = vi.fn<(value: CredentialValue) => void>();
  await renderForm({
    schema: template("oauth2-client-credentials"),
    onChange,
    ...(defaultValue ? { defaultValue } : {}),
  });
  const scopes = screen.getByRole("group", { name: "Scopes" });
  const items = () =>
    within(scopes)
      .queryAllByRole("textbox")
      .map((i) => [i.getAttribute("aria-label"), (i as HTMLInputElement).value]);
  return {
    user: userEvent.setup(),
    scopes,
    items,
    last: () => onChange.mock.calls.at(-1)![0].scopes,
  };
}

test("add items: each input labelled '<Title> item n', focus moves to the new item", async () => {
  const { user, scopes, items, last } = await setup();
  expect(items()).toEqual([]);
  await user.click(within(scopes).getByRole("button", { name: "Add Scopes item" }));
  expect(document.activeElement).toBe(
    within(scopes).getByRole("textbox", { name: "Scopes item 1" }),
  );
  await user.keyboard("read");
  await user.click(within(scopes).getByRole("button", { name: "Add Scopes item" }));
  await user.keyboard("write");
  expect(items()).toEqual([
    ["Scopes item 1", "read"],
    ["Scopes item 2", "write"],
  ]);
  expect(last()).toEqual(["read", "write"]);
});

test("remove an item; focus goes to the item now in its place", async () => {
  const { user, scopes, items, last } = await setup({ scopes: ["a", "b", "c"] });
  await user.click(within(scopes).getByRole("button", { name: "Remove Scopes item 2" }));
  expect(items()).toEqual([
    ["Scopes item 1", "a"],
    ["Scopes item 2", "c"],
  ]);
  expect(last()).toEqual(["a", "c"]);
  expect(document.activeElement).toBe(
    within(scopes).getByRole("textbox", { name: "Scopes item 2" }),
  );
  await user.click(within(scopes).getByRole("button", { name: "Remove Scopes item 2" }));
  await user.click(within(scopes).getByRole("button", { name: "Remove Scopes item 1" }));
  expect(items()).toEqual([]);
  expect(last()).toEqual([]);
  expect(document.activeElement).toBe(
    within(scopes).getByRole("button", { name: "Add Scopes item" }),
  );
});

test("move items up and down; the first cannot go up, the last cannot go down; focus follows the item", async () => {
  const { user, scopes, items, last } = await setup({ scopes: ["a", "b", "c"] });
  expect(
    (within(scopes).getByRole("button", { name: "Move Scopes item 1 up" }) as HTMLButtonElement)
      .disabled,
  ).toBe(true);
  expect(
    (within(scopes).getByRole("button", { name: "Move Scopes item 3 down" }) as HTMLButtonElement)
      .disabled,
  ).toBe(true);
  await user.click(within(scopes).getByRole("button", { name: "Move Scopes item 3 up" }));
  expect(items().map(([, v]) => v)).toEqual(["a", "c", "b"]);
  expect(document.activeElement).toBe(
    within(scopes).getByRole("button", { name: "Move Scopes item 2 up" }),
  );
  await user.click(within(scopes).getByRole("button", { name: "Move Scopes item 1 down" }));
  expect(items().map(([, v]) => v)).toEqual(["c", "a", "b"]);
  expect(last()).toEqual(["c", "a", "b"]);
  await user.click(within(scopes).getByRole("button", { name: "Move Scopes item 2 down" }));
  expect(items().map(([, v]) => v)).toEqual(["c", "b", "a"]);
  // at the end the down button is disabled: focus lands on the item itself
  expect(document.activeElement).toBe(
    within(scopes).getByRole("textbox", { name: "Scopes item 3" }),
  );
});

test("edit an item in place, and item errors show at the item", async () => {
  const { user, scopes, last } = await setup({ scopes: ["read", "write"] });
  const second = within(scopes).getByRole("textbox", { name: "Scopes item 2" });
  await user.clear(second);
  await user.type(second, "bad scope");
  await user.tab();
  expect(last()).toEqual(["read", "bad scope"]);
  expect(second.getAttribute("aria-invalid")).toBe("true");
  expect(document.getElementById(second.getAttribute("aria-describedby")!)!.textContent).toBe(
    "Scopes item 2 is not in the expected format",
  );
  await user.clear(second);
  await user.type(second, "read");
  expect(
    within(scopes).getByText("Scopes must not list the same item twice (items 1 and 2)"),
  ).toBeTruthy();
});
