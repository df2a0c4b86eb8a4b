import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import { exportedSchema, historyLength, openDesignerPage } from "../support/designer-page.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { center, mouseDrag } from "../support/mouse-drag.ts";

/**
 * The issue's main end-to-end test: on the designer page (src/main.tsx, an empty window, started
 * blank from its start panel), build
 * the credential window of schemas/rest-adapter.json (base URL; an auth-method choice of None /
 * Basic / OAuth 1.0a / OAuth 2.0 with their fields; a timeout) with the mouse: every placement is
 * a real drag from the palette to the canvas, every selection a click; only the inspector's text
 * boxes are typed into. The exported schema must equal the template exactly, keys in order: the
 * core writes new keywords at their canonical place (src/model/keyword-order.ts), the order the
 * templates are written in, and its branch discriminators have the templates' shape.
 *
 * There is no export button yet: the page's store is read through `window.__designerStore`,
 * which src/main.tsx sets on the dev server only, and exported with the project's own
 * `toSchema`, loaded in the page from the dev server's source modules.
 */

const TEMPLATE = new URL("../../schemas/rest-adapter.json", import.meta.url);
const readJson = (file: URL) => JSON.parse(readFileSync(file, "utf8")) as JsonObject;

const setup = devServerAndBrowser();

// ---------------------------------------------------------------- driving the page

const openDesigner = (problems: string[]) =>
  openDesignerPage(setup.browser.context, setup.server.url, problems, {
    viewport: { width: 1280, height: 2000 },
  });

const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const palette = (page: Page) => page.getByRole("navigation", { name: "Palette" });
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
const handle = (page: Page, name: string) =>
  canvas(page).getByRole("button", { name: `Move ${name}`, exact: true });
/** What the inspector is editing: its form's name, e.g. `Properties of "Base URL" (baseUrl)`. */
const editing = (page: Page) =>
  inspector(page).getByRole("form").first().getAttribute("aria-label");

/** Just below the middle of a row (its lower half: the drop goes after it), right of its handle. */
async function below(page: Page, name: string) {
  const box = await handle(page, name).boundingBox();
  if (!box) throw new Error(`no row ${name}`);
  return { x: box.x + box.width + 60, y: box.y + box.height * 0.8 };
}

/** The drop box of an empty container ("Drop fields here", the window's "No fields yet…"), by the container's name on the canvas. */
async function emptyBox(page: Page, container: string) {
  // The window's is a list of its own (no tree yet); a group's or branch's, a group of the tree.
  const list = canvas(page)
    .getByRole("list", { name: `Fields of ${container}`, exact: true })
    .or(canvas(page).getByRole("group", { name: `Fields of ${container}`, exact: true }));
  return center(list.getByText(/Drop fields here|^No fields yet/));
}

/** A real mouse drag of a palette item: press, move past the activation distance, glide, release. */
async function drag(
  page: Page,
  item: string,
  target: () => Promise<{ x: number; y: number }>,
): Promise<void> {
  const source = palette(page).getByRole("button", { name: `Add ${item}`, exact: true });
  await source.scrollIntoViewIfNeeded();
  const to = await target();
  const before = await historyLength(page);
  await mouseDrag(page, source, to, 15);
  await expect.poll(() => historyLength(page), { message: `dropping ${item}` }).toBe(before + 1);
}

/** Clicks a row of the canvas (its title, key and kind) to select it. */
async function select(page: Page, name: string): Promise<void> {
  const row = canvas(page).getByRole("treeitem", {
    name: new RegExp(`^${escapeRegExp(name)}\\b`),
  });
  await row.locator(".cd-row-select").click();
  await expect.poll(() => editing(page)).toContain(`"${name}"`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Types into an inspector box and leaves it (which applies the text), then waits for the edit to
 * land in the history: a valid text shows no sign of being applied, and a drag that counts the
 * history's entries must not start before it lands.
 */
async function type(page: Page, label: string, text: string): Promise<void> {
  const box = inspector(page).getByRole("textbox", { name: label, exact: true });
  const changes = (await box.inputValue()) !== text;
  const before = await historyLength(page);
  await box.fill(text);
  await box.press("Tab");
  await expect
    .poll(() => box.getAttribute("aria-invalid"), { message: `${label}: ${text}` })
    .toBeNull();
  if (changes)
    await expect
      .poll(() => historyLength(page), { message: `${label}: ${text} is applied` })
      .toBe(before + 1);
}

async function check(page: Page, label: string): Promise<void> {
  const box = inspector(page).getByRole("checkbox", { name: label, exact: true });
  await box.click();
  await expect.poll(() => box.isChecked(), { message: label }).toBe(true);
}

/** A field's properties as typed into (or ticked in) the inspector; numbers are typed as text. */
interface FieldText {
  key?: string;
  title?: string;
  help?: string;
  required?: true;
  secret?: true;
  minLength?: string;
  maxLength?: string;
  pattern?: string;
  placeholder?: string;
  minimum?: string;
  maximum?: string;
  default?: string;
}

/**
 * Enters a field's properties. The order does not matter: each keyword lands at its canonical
 * place in the schema, whatever order the user fills the inspector in.
 */
async function fill(page: Page, text: FieldText): Promise<void> {
  if (text.key !== undefined) await type(page, "Key", text.key);
  if (text.title !== undefined) await type(page, "Title", text.title);
  if (text.help !== undefined) await type(page, "Help text", text.help);
  if (text.required) await check(page, "Required");
  if (text.secret) await check(page, "Secret (write-only)");
  if (text.minLength !== undefined) await type(page, "Minimum length", text.minLength);
  if (text.maxLength !== undefined) await type(page, "Maximum length", text.maxLength);
  if (text.pattern !== undefined) await type(page, "Pattern", text.pattern);
  if (text.placeholder !== undefined) await type(page, "Placeholder", text.placeholder);
  if (text.minimum !== undefined) await type(page, "Minimum", text.minimum);
  if (text.maximum !== undefined) await type(page, "Maximum", text.maximum);
  if (text.default !== undefined) await type(page, "Default", text.default);
}

/** Drags a palette item to `target`, selects the new row (by the kind's default title) and fills it in. */
async function place(
  page: Page,
  item: string,
  target: () => Promise<{ x: number; y: number }>,
  newTitle: string,
  text: FieldText,
): Promise<void> {
  await drag(page, item, target);
  await select(page, newTitle);
  await fill(page, text);
}

/** A new branch of the Authentication choice, added from the choice's properties, then named. */
async function addBranch(page: Page, title: string, value: string): Promise<void> {
  await select(page, "Authentication");
  await inspector(page).getByRole("button", { name: "Add branch", exact: true }).click();
  await expect.poll(() => editing(page)).toMatch(/^Properties of branch "Branch \d+"$/);
  await type(page, "Branch title", title);
  await type(page, 'Value of "type"', value);
}

/** The selected select's options as [value, label] pairs, adding options as needed (with a click). */
async function options(page: Page, pairs: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (const [index, [value, label]] of pairs.entries()) {
    const n = index + 1;
    const valueBox = inspector(page).getByRole("textbox", {
      name: `Value of option ${n}`,
      exact: true,
    });
    if ((await valueBox.count()) === 0) {
      await inspector(page).getByRole("button", { name: "Add option", exact: true }).click();
      await valueBox.waitFor();
    }
    await type(page, `Value of option ${n}`, value);
    await type(page, `Label of option ${n}`, label);
  }
}

async function chooseDefault(page: Page, label: string): Promise<void> {
  const box = inspector(page).getByRole("combobox", { name: "Default", exact: true });
  await box.selectOption({ label });
  await expect
    .poll(async () =>
      box.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.textContent),
    )
    .toBe(label);
}

const HTTPS_URL = { maxLength: "2048", pattern: "^https://" } as const;

describe("building the REST adapter's credential window with the mouse", () => {
  it("drags the fields from the palette onto an empty canvas, edits them in the inspector, and the schema equals schemas/rest-adapter.json", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);
    // A new design starts at the start panel: this one is built from nothing.
    await canvas(page).getByRole("button", { name: "Start blank", exact: true }).click();

    // The window: nothing is selected, so the inspector edits the window.
    await type(page, "Window title", "REST API");
    await type(
      page,
      "Window description",
      "A REST API reached over https, with a choice of authentication method.",
    );

    // Base URL onto the empty canvas, and the timeout below it (the choice goes between them).
    await place(page, "URL field", () => emptyBox(page, "the window"), "URL", {
      key: "baseUrl",
      title: "Base URL",
      help: "The URL that every request path is appended to.",
      required: true,
      ...HTTPS_URL,
      placeholder: "https://api.example.com/v1",
    });
    await place(page, "Integer field", () => below(page, "Base URL"), "Integer", {
      key: "timeoutSeconds",
      title: "Timeout (seconds)",
      help: "How long to wait for a response before giving up.",
      minimum: "1",
      maximum: "300",
      default: "30",
    });

    // The auth-method choice field (not the block): it starts with None and Basic.
    await drag(page, "Auth-method choice field", () => below(page, "Base URL"));
    await select(page, "Authentication");
    await fill(page, { required: true, help: "How the connector proves its identity to the API." });

    // Basic: the username and password it starts with (titled as in the templates), given the
    // template's texts and rules.
    await select(page, "Username");
    await fill(page, {
      help: "The account to sign in as. It cannot contain a colon.",
      minLength: "1",
      maxLength: "256",
      pattern: "^[^:]+$",
    });
    await select(page, "Password");
    await fill(page, { help: "The password of that account.", minLength: "1", maxLength: "1024" });

    // OAuth 1.0a: the consumer's and the user's secrets, and how requests are signed.
    await addBranch(page, "OAuth 1.0a", "oauth1");
    await place(
      page,
      "Secret field",
      () => emptyBox(page, "Authentication › OAuth 1.0a"),
      "Secret",
      {
        key: "consumerKey",
        title: "Consumer key",
        help: "Identifies the app; issued with the consumer secret.",
        required: true,
        minLength: "1",
        maxLength: "1024",
      },
    );
    await place(page, "Secret field", () => below(page, "Consumer key"), "Secret", {
      key: "consumerSecret",
      title: "Consumer secret",
      help: "The secret issued with the consumer key.",
      required: true,
      minLength: "1",
      maxLength: "1024",
    });
    await place(page, "Secret field", () => below(page, "Consumer secret"), "Secret", {
      key: "token",
      title: "Access token",
      help: "The access token of the user. Leave empty for two-legged OAuth.",
      maxLength: "1024",
    });
    await place(page, "Secret field", () => below(page, "Access token"), "Secret", {
      key: "tokenSecret",
      title: "Access token secret",
      help: "The secret issued with the access token.",
      maxLength: "1024",
    });
    await place(page, "Select field", () => below(page, "Access token secret"), "Select", {
      key: "signatureMethod",
      title: "Signature method",
      help: "How requests are signed.",
      required: true,
    });
    await options(page, [
      ["HMAC-SHA1", "HMAC-SHA1"],
      ["HMAC-SHA256", "HMAC-SHA256"],
      ["PLAINTEXT", "Plain text"],
    ]);
    await chooseDefault(page, "HMAC-SHA1");

    // OAuth 2.0: the grant, the service's URLs, the app's credentials, scopes and PKCE.
    await addBranch(page, "OAuth 2.0", "oauth2");
    await place(
      page,
      "Select field",
      () => emptyBox(page, "Authentication › OAuth 2.0"),
      "Select",
      {
        key: "grantType",
        title: "Grant type",
        help: "Authorization code when a user signs in and grants access; client credentials when the connector acts as an app.",
        required: true,
      },
    );
    await options(page, [
      ["authorization_code", "Authorization code"],
      ["client_credentials", "Client credentials"],
    ]);
    await chooseDefault(page, "Authorization code");
    await place(page, "URL field", () => below(page, "Grant type"), "URL", {
      key: "authorizationUrl",
      title: "Authorization URL",
      help: "Where the user is sent to sign in (authorization code only).",
      ...HTTPS_URL,
      placeholder: "https://login.example.com/oauth2/authorize",
    });
    await place(page, "URL field", () => below(page, "Authorization URL"), "URL", {
      key: "tokenUrl",
      title: "Token URL",
      help: "Where codes and client credentials are exchanged for access tokens.",
      required: true,
      ...HTTPS_URL,
      placeholder: "https://login.example.com/oauth2/token",
    });
    await place(page, "Text field", () => below(page, "Token URL"), "Text", {
      key: "clientId",
      title: "Client ID",
      help: "The identifier of the app registered with the service.",
      required: true,
      minLength: "1",
      maxLength: "512",
    });
    // A text field made secret, where the fields above started as secrets.
    await place(page, "Text field", () => below(page, "Client ID"), "Text", {
      key: "clientSecret",
      title: "Client secret",
      help: "The secret of the registered app.",
      secret: true,
      maxLength: "1024",
    });
    await place(page, "List of strings field", () => below(page, "Client secret"), "List", {
      key: "scopes",
      title: "Scopes",
      help: "The permissions to request.",
    });
    await type(page, "Item title", "Scope");
    await type(page, "Item minimum length", "1");
    await type(page, "Item maximum length", "256");
    await type(page, "Item pattern", "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$");
    await check(page, "No duplicate items");
    await check(page, "Starts as an empty list");
    await place(page, "Yes / no field", () => below(page, "Scopes"), "Enabled", {
      key: "pkce",
      title: "Use PKCE",
      help: "Protect the authorization code with PKCE (S256). Leave on unless the service rejects it.",
    });
    await check(page, "On by default");

    // Back to the window: no other properties.
    await canvas(page).getByRole("button", { name: "Window properties", exact: true }).click();
    await check(page, "No other properties");

    // The design as the canvas shows it.
    expect(
      await canvas(page)
        .getByRole("button", { name: /^Move / })
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label"))),
    ).toEqual([
      "Move Base URL",
      "Move Authentication",
      "Move None",
      "Move Basic",
      "Move Username",
      "Move Password",
      "Move OAuth 1.0a",
      "Move Consumer key",
      "Move Consumer secret",
      "Move Access token",
      "Move Access token secret",
      "Move Signature method",
      "Move OAuth 2.0",
      "Move Grant type",
      "Move Authorization URL",
      "Move Token URL",
      "Move Client ID",
      "Move Client secret",
      "Move Scopes",
      "Move Use PKCE",
      "Move Timeout (seconds)",
    ]);

    // The exported schema is the template: equal, keys in the same order, and the same text.
    const schema = await exportedSchema(page);
    expect(schema).toEqual(readJson(TEMPLATE));
    expect(`${JSON.stringify(schema, null, 2)}\n`).toBe(readFileSync(TEMPLATE, "utf8"));

    // Nothing was refused along the way, and every step is undoable.
    expect(await canvas(page).getByRole("alert").count()).toBe(0);
    expect(
      await page
        .getByRole("toolbar", { name: "Design" })
        .getByRole("button", { name: "Undo" })
        .isEnabled(),
    ).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });
});
