import fs from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORPUS, isSecretSchema, subschemas } from "../real-world/support/corpus.ts";
import { AXE_SOURCE } from "../support/axe.ts";
import { buildTestPage } from "../support/build-example.ts";
import { type LaunchedChromium, launchChromium } from "../support/chromium.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";
import type { Examined } from "./pages/real-world/main.tsx";

/**
 * Every real credential window of the corpus in the preview, in Chromium, on one page: each is
 * rendered, every method of every choice is shown in turn, and in every state each secret field
 * (either marking: writeOnly or Airbyte's airbyte_secret) that is shown is masked, and every
 * control has an accessible name; axe's naming rules find nothing in the first state. Fields
 * marked airbyte_hidden are not shown, and the others show in Airbyte's `order` (within their section
 * when they have a `group`). In a 320 px box (the designer's preview pane) no control runs past
 * the form's edge.
 */

let dist: string | undefined;
let server: StaticServer | undefined;
let browser: LaunchedChromium | undefined;
let page: Page | undefined;

beforeAll(async () => {
  dist = await buildTestPage("real-world");
  server = await serveStatic(dist);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(server.url);
  await page.locator("body[data-ready=true]").waitFor();
  await page.addScriptTag({ content: AXE_SOURCE });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) await fs.rm(dist, { recursive: true, force: true });
});

/** axe's rules about controls' names. */
const NAMING_RULES = [
  "label",
  "select-name",
  "button-name",
  "input-button-name",
  "aria-input-field-name",
  "aria-toggle-field-name",
  "form-field-multiple-labels",
];

const examined = new Map<string, Examined>();

describe("the preview renders every real window: secrets masked, controls named, fields in order", () => {
  it.each(CORPUS.map((entry, index) => [entry.name, entry, index] as const))(
    "%s",
    async (_name, entry, index) => {
      if (!page) throw new Error("set-up failed");
      const problems: string[] = [];
      const onError = (error: Error) => problems.push(error.message);
      page.on("pageerror", onError);
      const result = await page.evaluate(
        ([schema, prefix]) =>
          (window as unknown as { examine(s: unknown, p: string): Promise<Examined> }).examine(
            schema,
            prefix,
          ),
        [entry.schema as unknown, `w${index}`] as const,
      );
      examined.set(entry.name, result);
      page.off("pageerror", onError);
      expect(problems).toEqual([]);
      expect(result.errors).toEqual([]);
      expect(result.controls, "no control rendered").toBeGreaterThan(0);
      const violations = await page.evaluate(async (rules) => {
        const { axe } = window as unknown as {
          axe?: {
            run(
              context: unknown,
              options: unknown,
            ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
          };
        };
        if (!axe) return undefined;
        const found = await axe.run(document.getElementById("form"), {
          runOnly: { type: "rule", values: rules },
          resultTypes: ["violations"],
        });
        return found.violations.map(
          (v) => `${v.id} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
      }, NAMING_RULES);
      // Secrets masked, controls named; airbyte_hidden fields not shown, the others in `order`.
      expect({
        unmasked: result.unmasked,
        unnamed: result.unnamed,
        axe: violations,
        hidden: result.hiddenShown,
        order: result.misordered,
        overflow: result.overflowing,
      }).toEqual({ unmasked: [], unnamed: [], axe: [], hidden: [], order: [], overflow: [] });
    },
  );

  it("shows the secrets of the corpus: nearly every window that has one shows at least one", () => {
    const withSecrets = CORPUS.filter((entry) =>
      subschemas(entry.schema).some(({ schema }) => isSecretSchema(schema)),
    );
    const shown = withSecrets.filter(
      (entry) => (examined.get(entry.name)?.secretsShown.length ?? 0) > 0,
    );
    expect(withSecrets.length).toBeGreaterThanOrEqual(60);
    expect(shown.length).toBeGreaterThanOrEqual(withSecrets.length - 5);
  });
});
