import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { JsonObject, JsonValue } from "../../src/schema/json.ts";
import { devServerAndBrowser } from "../support/dev-server-and-browser.ts";
import { center, mouseDrag } from "../support/mouse-drag.ts";

/**
 * The main end-to-end test: on the designer page (src/main.tsx, an empty window), build
 * the credential window of a REST adapter (base URL; an auth-method choice of None / Basic /
 * OAuth 2.0 with their fields) with the mouse: every placement is a real drag from the palette
 * to the canvas, every selection a click; only the inspector's text boxes are typed into. The
 * resulting schema must equal test/fixtures/designer/rest-adapter-built.schema.json, keys in
 * order, and that fixture must be schemas/rest-adapter.json restricted to those fields, except
 * for the differences listed in withDesignerDifferences (see test/fixtures/designer/README.md).
 *
 * There is no export button yet: the page's store is read through `window.__designerStore`,
 * which src/main.tsx sets on the dev server only, and exported with the project's own
 * `toSchema`, loaded in the page from the dev server's source modules.
 */

const FIXTURE = new URL("../fixtures/designer/rest-adapter-built.schema.json", import.meta.url);
const TEMPLATE = new URL("../../schemas/rest-adapter.json", import.meta.url);
const readJson = (file: URL) => JSON.parse(readFileSync(file, "utf8")) as JsonObject;

const setup = devServerAndBrowser();

// ---------------------------------------------------------------- the expected schema

type Obj = Record<string, JsonValue>;
const obj = (value: JsonValue | undefined): Obj => value as Obj;

/** schemas/rest-adapter.json restricted to the base URL and the None / Basic / OAuth 2.0 choice. */
function restrictedTemplate(): JsonObject {
  const schema = structuredClone(readJson(TEMPLATE));
  const properties = obj(schema.properties);
  delete properties.timeoutSeconds;
  const auth = obj(properties.auth);
  auth.oneOf = (auth.oneOf as Obj[]).filter((branch) => branch.title !== "OAuth 1.0a");
  schema.required = (schema.required as string[]).filter((key) => key in properties);
  return schema;
}

/** Moves the key `key` of `object` to its end, as the designer appends a keyword added to a node. */
function moveToEnd(object: Obj, key: string): void {
  const value = object[key]!;
  delete object[key];
  object[key] = value;
}

/**
 * What a designer user cannot reproduce, by design:
 * - a keyword added to a node is appended to it, and the window (`type`, `properties`), the choice
 *   (`oneOf`), a select (`enum`, `x-enumNames`) and a list (`items`) are born with keywords that
 *   cannot be removed and added again: their `description` ends up after those;
 * - a branch's discriminator is managed by the branch (not a field on the canvas): the designer
 *   writes `{ type: "string", const }` and no title of its own (the branch's title names it).
 * Everything else (texts, keys, required lists and their order, formats, patterns, lengths,
 * examples, defaults, labels, additionalProperties, $schema) is the template's, in its order.
 */
function withDesignerDifferences(schema: JsonObject): JsonObject {
  const root = schema as Obj;
  moveToEnd(root, "description");
  moveToEnd(root, "required");
  moveToEnd(root, "additionalProperties");
  const auth = obj(obj(root.properties).auth);
  moveToEnd(auth, "description");
  for (const branch of auth.oneOf as Obj[]) {
    const properties = obj(branch.properties);
    properties.type = { type: "string", const: obj(properties.type).const! };
  }
  const oauth2 = obj((auth.oneOf as Obj[])[2]!.properties);
  for (const key of ["description", "default"]) moveToEnd(obj(oauth2.grantType), key);
  for (const key of ["description", "uniqueItems", "default"]) moveToEnd(obj(oauth2.scopes), key);
  return schema;
}

// ---------------------------------------------------------------- driving the page

async function openDesigner(problems: string[]): Promise<Page> {
  const page = await setup.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1500 });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(setup.server.url, { waitUntil: "load" });
  await page.getByRole("heading", { level: 1, name: "Credential Designer" }).waitFor({ timeout: 15_000 });
  return page;
}

/** The page's design exported by the project's `toSchema`, run in the page (dev server modules). */
function exportedSchema(page: Page): Promise<JsonObject> {
  return page.evaluate(`(async () => {
    const { toSchema } = await import("/src/schema/to-schema.ts");
    return JSON.parse(JSON.stringify(toSchema(window.__designerStore.doc)));
  })()`) as Promise<JsonObject>;
}

function historyLength(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __designerStore: { getState(): { editor: { done: unknown[] } } } }).__designerStore.getState().editor.done.length);
}

const canvas = (page: Page) => page.getByRole("main", { name: "Canvas" });
const palette = (page: Page) => page.getByRole("navigation", { name: "Palette" });
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
const handle = (page: Page, name: string) => canvas(page).getByRole("button", { name: `Move ${name}`, exact: true });


/** Just below the middle of a row (its lower half: the drop goes after it), right of its handle. */
async function below(page: Page, name: string) {
  const box = await handle(page, name).boundingBox();
  if (!box) throw new Error(`no row ${name}`);
  return { x: box.x + box.width + 60, y: box.y + box.height * 0.8 };
}

/** The "Drop fields here" box of an empty container, by the container's name on the canvas. */
async function emptyBox(page: Page, container: string) {
  return center(canvas(page).getByRole("list", { name: `Fields of ${container}`, exact: true }).getByRole("listitem"));
}

/** A real mouse drag of a palette item: press, move past the activation distance, glide, release. */
async function drag(page: Page, item: string, target: () => Promise<{ x: number; y: number }>): Promise<void> {
  const source = palette(page).getByRole("button", { name: `Add ${item}`, exact: true });
  await source.scrollIntoViewIfNeeded();
  const to = await target();
  const before = await historyLength(page);
  await mouseDrag(page, source, to, 15);
  await expect.poll(() => historyLength(page), { message: `dropping ${item}` }).toBe(before + 1);
}

/** Clicks a row of the canvas (its title, key and kind) to select it. */
async function select(page: Page, name: string): Promise<void> {
  const button = canvas(page).getByRole("button", { name: new RegExp(`^${escape(name)}\\b`) });
  await button.click();
  await expect.poll(() => inspector(page).getByRole("form").first().getAttribute("aria-label")).toContain(`"${name}"`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Types into an inspector box and leaves it (which applies the text). */
async function type(page: Page, label: string, text: string): Promise<void> {
  const box = inspector(page).getByRole("textbox", { name: label, exact: true });
  await box.fill(text);
  await box.press("Tab");
  await expect.poll(() => box.getAttribute("aria-invalid"), { message: `${label}: ${text}` }).toBeNull();
}

async function check(page: Page, label: string): Promise<void> {
  const box = inspector(page).getByRole("checkbox", { name: label, exact: true });
  await box.click();
  await expect.poll(() => box.isChecked(), { message: label }).toBe(true);
}

/** A URL field's text, in the template's keyword order (the title goes after its format). */
async function urlField(page: Page, field: { key: string; title: string; help: string; required: boolean; placeholder: string }) {
  await type(page, "Key", field.key);
  // A new URL field is { type, title, format }; the template has format before title: removing
  // the default title and typing the new one puts it after the format.
  await type(page, "Title", "");
  await type(page, "Title", field.title);
  await type(page, "Help text", field.help);
  if (field.required) await check(page, "Required");
  await type(page, "Pattern", "^https://");
  await type(page, "Maximum length", "2048");
  await type(page, "Placeholder", field.placeholder);
}

describe("building the REST adapter's credential window with the mouse", () => {
  it("the fixture is the REST adapter template restricted to base URL and None / Basic / OAuth 2.0, but for what a designer user cannot produce", () => {
    const fixture = readJson(FIXTURE);
    expect(JSON.stringify(fixture, null, 2)).toBe(JSON.stringify(withDesignerDifferences(restrictedTemplate()), null, 2));
  });

  it("drags the fields from the palette onto an empty canvas, edits them in the inspector, and the schema equals the fixture", async () => {
    const problems: string[] = [];
    const page = await openDesigner(problems);

    // The window: nothing is selected, so the inspector edits the window.
    await type(page, "Window title", "REST API");
    await type(page, "Window description", "A REST API reached over https, with a choice of authentication method.");

    // Base URL: a URL field onto the empty canvas.
    await drag(page, "URL field", () => emptyBox(page, "the window"));
    await select(page, "URL");
    await urlField(page, {
      key: "baseUrl",
      title: "Base URL",
      help: "The URL that every request path is appended to.",
      required: true,
      placeholder: "https://api.example.com/v1",
    });

    // The auth-method choice field (not the block), below it: it starts with None and Basic.
    await drag(page, "Auth-method choice field", () => below(page, "Base URL"));
    await select(page, "Authentication");
    await check(page, "Required");
    await type(page, "Help text", "How the connector proves its identity to the API.");

    // Basic: the user name as the template has it; the password replaced by a text field made secret.
    await select(page, "User name");
    await type(page, "Title", "Username");
    await type(page, "Help text", "The account to sign in as. It cannot contain a colon.");
    await type(page, "Minimum length", "1");
    await type(page, "Maximum length", "256");
    await type(page, "Pattern", "^[^:]+$");
    await canvas(page).getByRole("button", { name: "Delete Password", exact: true }).click();
    await drag(page, "Text field", () => below(page, "Username"));
    await select(page, "Text");
    await type(page, "Key", "password");
    await type(page, "Title", "Password");
    await type(page, "Help text", "The password of that account.");
    await check(page, "Required");
    await check(page, "Secret (write-only)");
    await type(page, "Minimum length", "1");
    await type(page, "Maximum length", "1024");

    // OAuth 2.0: a third branch, added from the choice's properties.
    await select(page, "Authentication");
    await inspector(page).getByRole("button", { name: "Add branch", exact: true }).click();
    await expect.poll(() => inspector(page).getByRole("form").first().getAttribute("aria-label")).toBe('Properties of branch "Branch 3"');
    await type(page, "Branch title", "OAuth 2.0");
    await type(page, 'Value of "type"', "oauth2");

    // Grant type: a select into the empty OAuth 2.0 branch.
    await drag(page, "Select field", () => emptyBox(page, "Authentication › OAuth 2.0"));
    await select(page, "Select");
    await type(page, "Key", "grantType");
    await type(page, "Title", "Grant type");
    await check(page, "Required");
    await type(page, "Value of option 1", "authorization_code");
    await type(page, "Label of option 1", "Authorization code");
    await type(page, "Value of option 2", "client_credentials");
    await type(page, "Label of option 2", "Client credentials");
    await type(page, "Help text", "Authorization code when a user signs in and grants access; client credentials when the connector acts as an app.");
    await inspector(page).getByRole("combobox", { name: "Default", exact: true }).selectOption({ label: "Authorization code" });

    await drag(page, "URL field", () => below(page, "Grant type"));
    await select(page, "URL");
    await urlField(page, {
      key: "authorizationUrl",
      title: "Authorization URL",
      help: "Where the user is sent to sign in (authorization code only).",
      required: false,
      placeholder: "https://login.example.com/oauth2/authorize",
    });

    await drag(page, "URL field", () => below(page, "Authorization URL"));
    await select(page, "URL");
    await urlField(page, {
      key: "tokenUrl",
      title: "Token URL",
      help: "Where codes and client credentials are exchanged for access tokens.",
      required: true,
      placeholder: "https://login.example.com/oauth2/token",
    });

    await drag(page, "Text field", () => below(page, "Token URL"));
    await select(page, "Text");
    await type(page, "Key", "clientId");
    await type(page, "Title", "Client ID");
    await type(page, "Help text", "The identifier of the app registered with the service.");
    await check(page, "Required");
    await type(page, "Minimum length", "1");
    await type(page, "Maximum length", "512");

    await drag(page, "Text field", () => below(page, "Client ID"));
    await select(page, "Text");
    await type(page, "Key", "clientSecret");
    await type(page, "Title", "Client secret");
    await type(page, "Help text", "The secret of the registered app.");
    await check(page, "Secret (write-only)");
    await type(page, "Maximum length", "1024");

    await drag(page, "List of strings field", () => below(page, "Client secret"));
    await select(page, "List");
    await type(page, "Key", "scopes");
    await type(page, "Title", "Scopes");
    await type(page, "Item title", "Scope");
    await type(page, "Item minimum length", "1");
    await type(page, "Item maximum length", "256");
    await type(page, "Item pattern", "^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$");
    await type(page, "Help text", "The permissions to request.");
    await check(page, "No duplicate items");
    await check(page, "Starts as an empty list");

    await drag(page, "Yes / no field", () => below(page, "Scopes"));
    await select(page, "Enabled");
    await type(page, "Key", "pkce");
    await type(page, "Title", "Use PKCE");
    await type(page, "Help text", "Protect the authorization code with PKCE (S256). Leave on unless the service rejects it.");
    await check(page, "On by default");

    // Back to the window: no other properties.
    await canvas(page).getByRole("button", { name: "Window properties", exact: true }).click();
    await check(page, "No other properties");

    // The design as the canvas shows it.
    const branches = canvas(page).getByRole("list", { name: "Branches of Authentication", exact: true });
    expect(await branches.getByRole("button", { name: /^Move / }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label")))).toEqual([
      "Move None",
      "Move Basic",
      "Move Username",
      "Move Password",
      "Move OAuth 2.0",
      "Move Grant type",
      "Move Authorization URL",
      "Move Token URL",
      "Move Client ID",
      "Move Client secret",
      "Move Scopes",
      "Move Use PKCE",
    ]);

    // The exported schema: equal to the fixture, keys in the same order.
    const schema = await exportedSchema(page);
    const fixture = readJson(FIXTURE);
    expect(schema).toEqual(fixture);
    expect(JSON.stringify(schema, null, 2)).toBe(JSON.stringify(fixture, null, 2));

    // Nothing was refused along the way, and every step is undoable.
    expect(await canvas(page).getByRole("alert").count()).toBe(0);
    expect(await page.getByRole("toolbar", { name: "Design" }).getByRole("button", { name: "Undo" }).isEnabled()).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });
});
