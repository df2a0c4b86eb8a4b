import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import type { JsonSchema } from "../../src/preview/index.ts";
import { renderForm, template } from "./support.tsx";

afterEach(cleanup);

function manyFields(count: number, required: number[]): JsonSchema {
  const properties: Record<string, unknown> = {};
  for (let n = 0; n < count; n++) properties[`field${n}`] = { type: "string", title: `Field ${n}` };
  return { type: "object", properties, required: required.map((n) => `field${n}`) };
}

test("more than 32 fields: blocks of 32, in order; labels, tab order and the focus on submit are as in a flat form", async () => {
  const onSubmit = vi.fn();
  await renderForm({ schema: manyFields(70, [40, 65]), onSubmit });
  const form = document.querySelector(".cd-form")!;
  const blocks = [...form.children].filter((el) => el.classList.contains("cd-fields"));
  expect(blocks.map((block) => block.children.length)).toEqual([32, 32, 6]);
  const boxes = screen.getAllByRole("textbox");
  expect(
    boxes.map(
      (box) =>
        box.getAttribute("aria-label") ?? (box as HTMLInputElement).labels![0]!.textContent!.trim(),
    ),
  ).toEqual(Array.from({ length: 70 }, (_, n) => `Field ${n}`));
  const user = userEvent.setup();
  await user.click(screen.getByRole("textbox", { name: "Field 31" }));
  await user.tab();
  expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Field 32" }));
  await user.click(screen.getByRole("button", { name: "Save" }));
  expect(onSubmit).not.toHaveBeenCalled();
  expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Field 40" }));
});

test("32 fields or fewer: no blocks, the fields are the form's children", async () => {
  await renderForm({ schema: template("basic-auth") });
  expect(document.querySelector(".cd-fields")).toBeNull();
  expect(document.querySelector(".cd-form > .cd-field")).not.toBeNull();
});
