import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LaunchedChromium, launchChromium } from "../support/chromium.ts";
import { REPO } from "../support/cli.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";

/**
 * The package as users get it: `npm pack` in a copy of this checkout (its prepack builds lib/),
 * the tarball installed into a new app beside React and Vite from the npm registry, then used
 * only through what it exports: the command from node_modules/.bin, every export imported in
 * Node and type-checked, and an app built with Vite that shows the React form and
 * <credential-form> in Chromium.
 */

const run = promisify(execFile);
const VERSIONS = JSON.parse(await fs.readFile(path.join(REPO, "package.json"), "utf8")) as {
  version: string;
  devDependencies: Record<string, string>;
};
const SECRET = "k-S3cret-5e7a";

let tmp: string;
let app: string;
let tarball: { filename: string; size: number; files: { path: string }[] };
let server: StaticServer | undefined;
let browser: LaunchedChromium | undefined;

/** Runs a program in the app, as a user's shell would; never throws on a non-zero exit. */
async function inApp(file: string, args: readonly string[], cwd = app) {
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

const cli = (...args: string[]) =>
  inApp(path.join(app, "node_modules", ".bin", "credential-designer"), args);

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-package-"));
  // A copy of the checkout as git sees it (tracked and new files, nothing ignored), so that the
  // build npm pack runs writes its lib/ there and not under tests that build lib/ themselves.
  const source = path.join(tmp, "source");
  const { stdout: listed } = await run("git", ["ls-files", "-co", "--exclude-standard", "-z"], {
    cwd: REPO,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of listed.split("\0").filter(Boolean)) {
    const from = path.join(REPO, file);
    if (!(await fs.stat(from).catch(() => undefined))?.isFile()) continue; // deleted, not staged
    await fs.mkdir(path.dirname(path.join(source, file)), { recursive: true });
    await fs.copyFile(from, path.join(source, file));
  }
  await fs.symlink(path.join(REPO, "node_modules"), path.join(source, "node_modules"), "dir");
  const packed = await run("npm", ["pack", "--json", "--pack-destination", tmp], {
    cwd: source,
    maxBuffer: 64 * 1024 * 1024,
  });
  tarball = (JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as (typeof tarball)[])[0]!;

  app = path.join(tmp, "app");
  await fs.mkdir(app);
  await fs.writeFile(
    path.join(app, "package.json"),
    JSON.stringify({ name: "connector-app", private: true, type: "module" }, null, 2),
  );
  const dev = VERSIONS.devDependencies;
  await withRetry(() =>
    run(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        "--ignore-scripts",
        path.join(tmp, tarball.filename),
        `react@${dev.react}`,
        `react-dom@${dev["react-dom"]}`,
        `@types/react@${dev["@types/react"]}`,
        `vite@${dev.vite}`,
      ],
      { cwd: app, maxBuffer: 64 * 1024 * 1024 },
    ),
  );
}, 600_000);

/**
 * The registry is reached over the network: one failed install (a reset connection) is tried
 * once more before the test fails, with what npm said both times.
 */
async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (first) {
    try {
      return await work();
    } catch (second) {
      const said = (error: unknown) => (error as { stderr?: string }).stderr ?? String(error);
      throw new Error(`npm install failed twice:\n${said(first)}\n---\n${said(second)}`);
    }
  }
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true, maxRetries: 3 });
});

describe("npm pack, installed into a new app", () => {
  it("ships the built exports, the command, the templates and the docs users need; no tests, benchmarks or sources", () => {
    const files = tarball.files.map((file) => file.path).sort();
    for (const needed of [
      "LICENSE",
      "README.md",
      "package.json",
      "bin/credential-designer.cjs",
      "lib/cli/main.cjs",
      "lib/index.js",
      "lib/index.d.ts",
      "lib/preview/index.js",
      "lib/preview/index.d.ts",
      "lib/preview/element.js",
      "lib/preview/element.d.ts",
      "lib/preview/style.css",
      "schemas/rest-adapter.json",
      "docs/api.md",
      "docs/cli.md",
      "docs/preview.md",
    ])
      expect(files).toContain(needed);
    const allowed =
      /^(LICENSE|README\.md|package\.json|bin\/[^/]+\.cjs|lib\/.+|schemas\/[^/]+\.json|docs\/(api|cli|preview)\.md)$/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
    expect(files.filter((file) => /(^|\/)(test|bench|src)\//.test(file))).toEqual([]);
    expect(files.filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
  });

  it("the API's and the command's entries load no heavy package: those wait behind import() for the command that needs them", async () => {
    const lib = path.join(app, "node_modules", "credential-designer", "lib");
    for (const entry of ["index.js", "cli/main.cjs"]) {
      const packages = new Set<string>();
      const seen = new Set<string>();
      const queue = [path.join(lib, entry)];
      while (queue.length > 0) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        const text = await fs.readFile(file, "utf8");
        // What loads with the file: its static imports, or its top-level require() calls
        // (import() and a require() inside a function are what load lazily).
        const loaded = file.endsWith(".cjs")
          ? /^(?:const|let|var) [\w$]+ = require\("([^"]+)"\);$/gm
          : /^import\s[^;]*?from\s*"([^"]+)"/gm;
        for (const [, specifier] of text.matchAll(loaded))
          if (specifier!.startsWith(".")) queue.push(path.resolve(path.dirname(file), specifier!));
          else packages.add(specifier!.replace(/^(@[^/]+\/[^/]+|[^/]+).*$/, "$1"));
      }
      expect(
        [...packages].filter((name) => !name.startsWith("node:")),
        entry,
      ).toEqual([]);
      expect(seen.size, entry).toBeGreaterThan(1);
    }
  });

  it("its production dependencies hold no TypeScript runtime (tsx, esbuild, typescript)", async () => {
    const { stdout } = await inApp("npm", ["ls", "--all", "--json", "--omit=dev"]);
    interface Tree {
      dependencies?: Record<string, Tree>;
    }
    const ours = (JSON.parse(stdout) as Tree).dependencies?.["credential-designer"];
    expect(ours).toBeDefined();
    const names = new Set<string>();
    const stack: Tree[] = [ours!];
    while (stack.length > 0)
      for (const [name, child] of Object.entries(stack.pop()!.dependencies ?? {})) {
        names.add(name);
        stack.push(child);
      }
    expect(names.has("ajv")).toBe(true);
    for (const runtime of ["tsx", "esbuild", "typescript", "ts-node"])
      expect(names.has(runtime), runtime).toBe(false);
    // React is the app's (a peer, optional: the command, the API and the element need none).
    const manifest = JSON.parse(
      await fs.readFile(
        path.join(app, "node_modules", "credential-designer", "package.json"),
        "utf8",
      ),
    );
    expect(Object.keys(manifest.dependencies)).not.toContain("react");
    expect(manifest.peerDependenciesMeta.react).toEqual({ optional: true });
  });

  it("the command: --version, --help, new, check, and export of several files with one broken", async () => {
    const bin = path.join(
      app,
      "node_modules",
      "credential-designer",
      "bin",
      "credential-designer.cjs",
    );
    expect((await fs.stat(bin)).mode & 0o111).toBe(0o111);
    expect(await fs.readFile(bin, "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(await cli("--version")).toEqual({
      code: 0,
      stdout: `${VERSIONS.version}\n`,
      stderr: "",
    });
    expect((await cli("--help")).stdout).toMatch(/^Usage: credential-designer <command>/);

    await fs.mkdir(path.join(app, "connectors"));
    expect(await cli("new", "--template", "api-key", "--out", "connectors")).toMatchObject({
      code: 0,
      stdout: `${path.join("connectors", "api-key.json")}\n`,
    });
    await cli("new", "--template", "basic-auth", "--out", "connectors");
    await fs.writeFile(path.join(app, "connectors", "broken.json"), '{\n  "type": "object",\n}\n');
    const checked = await cli("check", "connectors/api-key.json", "connectors/basic-auth.json");
    expect(checked.code).toBe(0);
    expect(checked.stdout.trimEnd().split("\n").at(-1)).toBe("2 of 2 schemas without errors");

    // A low-code manifest.yaml: the installed package loads yaml when it meets one.
    await fs.mkdir(path.join(app, "source-demo"));
    await fs.writeFile(
      path.join(app, "source-demo", "manifest.yaml"),
      "version: 6.0.0\ntype: DeclarativeSource\nspec:\n  type: Spec\n  connection_specification:\n    type: object\n    title: Demo\n    properties:\n      host: {type: string, title: Host, description: The server.}\n",
    );
    expect(await cli("check", "source-demo/manifest.yaml")).toEqual({
      code: 0,
      stdout: "source-demo/manifest.yaml: no problems found\n",
      stderr: "read spec.connection_specification of source-demo/manifest.yaml\n",
    });

    const exported = await cli(
      "export",
      "connectors/api-key.json",
      "connectors/broken.json",
      "connectors/basic-auth.json",
      "--out",
      "src/generated",
    );
    expect(exported.code).toBe(2);
    expect(exported.stderr).toBe(
      [
        "credential-designer: connectors/broken.json:3:1: unexpected '}' after a comma: trailing commas are not allowed in JSON. Remove the comma at 2:19.",
        "credential-designer: 2 of 3 schemas exported; failed: connectors/broken.json",
        "",
      ].join("\n"),
    );
    expect((await fs.readdir(path.join(app, "src", "generated"))).sort()).toEqual([
      "api-key.schema.json",
      "api-key.ts",
      "api-key.validate.d.ts",
      "api-key.validate.js",
      "basic-auth.schema.json",
      "basic-auth.ts",
      "basic-auth.validate.d.ts",
      "basic-auth.validate.js",
    ]);

    // The C# model too: --csharp writes <base>.cs in the namespace given.
    const csharp = await cli(
      "export",
      "connectors/api-key.json",
      "--csharp",
      "--namespace",
      "Acme.Connectors",
      "--out",
      "src/csharp",
    );
    expect(csharp.stderr).toBe("");
    expect(csharp.code).toBe(0);
    expect(csharp.stdout.trimEnd().split("\n").at(-1)).toBe(
      path.join("src", "csharp", "api-key.cs"),
    );
    expect((await fs.readdir(path.join(app, "src", "csharp"))).sort()).toEqual([
      "api-key.cs",
      "api-key.schema.json",
      "api-key.ts",
      "api-key.validate.d.ts",
      "api-key.validate.js",
    ]);
    expect(await fs.readFile(path.join(app, "src", "csharp", "api-key.cs"), "utf8")).toContain(
      "namespace Acme.Connectors",
    );
    const withoutCSharp = await cli("export", "connectors/api-key.json", "--namespace", "Acme");
    expect(withoutCSharp.code).toBe(2);
    expect(withoutCSharp.stderr).toContain("but --csharp is not given");
  });

  it("every export imports in Node; the typed API gives what the command wrote", async () => {
    const script = `
      import { readFile } from "node:fs/promises";
      import * as api from "credential-designer";
      import * as preview from "credential-designer/preview";
      import * as element from "credential-designer/preview/element";
      const text = await readFile("connectors/api-key.json", "utf8");
      const schema = api.parseSchema(text, { file: "connectors/api-key.json" });
      const files = await api.exportSchema(schema, { file: "connectors/api-key.json" });
      const same = [];
      for (const file of files) same.push(file.contents === await readFile("src/generated/" + file.name, "utf8"));
      const withCSharp = await api.exportSchema(schema, { file: "connectors/api-key.json", csharp: { namespace: "Acme.Connectors" } });
      const cs = withCSharp.at(-1);
      const sameCs = [cs.name, cs.contents === await readFile("src/csharp/api-key.cs", "utf8")];
      const report = await api.checkSchema(schema);
      let refused;
      try { api.parseSchema("[1]", { file: "x.json" }); } catch (error) { refused = [error.name, error.message]; }
      const css = await readFile(new URL(import.meta.resolve("credential-designer/preview/style.css")), "utf8");
      const manifest = await readFile(new URL(import.meta.resolve("credential-designer/package.json")), "utf8");
      console.log(JSON.stringify({
        api: Object.keys(api).sort(), preview: Object.keys(preview), element: Object.keys(element),
        names: files.map((f) => f.name), same, sameCs, errors: report.errors, refused,
        css: css.includes("--cd-form"), version: JSON.parse(manifest).version,
      }));
    `;
    await fs.writeFile(path.join(app, "imports.mjs"), script);
    const result = await inApp(process.execPath, ["imports.mjs"]);
    expect(result.stderr).toBe("");
    const seen = JSON.parse(result.stdout);
    expect(seen.api).toEqual(
      expect.arrayContaining([
        "CredentialDesignerError",
        "checkSchema",
        "diffSchemas",
        "exportSchema",
        "parseSchema",
      ]),
    );
    expect(seen.preview).toContain("CredentialForm");
    expect(seen.element).toContain("CredentialFormElement");
    expect(seen.names).toHaveLength(4);
    expect(seen.same).toEqual([true, true, true, true]);
    expect(seen.sameCs).toEqual(["api-key.cs", true]);
    expect(seen.errors).toBe(0);
    expect(seen.refused).toEqual([
      "CredentialDesignerError",
      'x.json:/: the file holds an array, not a schema object. A credential window is a JSON Schema object such as {"type": "object", "properties": {…}}.',
    ]);
    expect(seen.css).toBe(true);
    expect(seen.version).toBe(VERSIONS.version);
  });

  it("a TypeScript consumer, and the example of docs/api.md, type-check against the declarations of every export", async () => {
    const docs = await fs.readFile(path.join(REPO, "docs", "api.md"), "utf8");
    const example = /```ts\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    await fs.writeFile(path.join(app, "docs-example.ts"), `${example}\nexport {};\n`);
    await fs.writeFile(
      path.join(app, "consumer.ts"),
      [
        'import { checkSchema, CredentialDesignerError, exportSchema, parseSchema, type CheckReport, type ExportedFile } from "credential-designer";',
        'import { CredentialForm, type CredentialFormProps } from "credential-designer/preview";',
        'import { CredentialFormElement } from "credential-designer/preview/element";',
        'const schema = parseSchema("{}", { file: "a.json" });',
        "export const files: Promise<ExportedFile[]> = exportSchema(schema, { base: 'a' });",
        "export const cs = exportSchema(schema, { csharp: true });",
        "export const csNamed = exportSchema(schema, { csharp: { namespace: 'Acme.Connectors' } });",
        "// @ts-expect-error: csharp is true or the C# options",
        "exportSchema(schema, { csharp: 'yes' });",
        "export const report: Promise<CheckReport> = checkSchema(schema);",
        "export const isError = (e: unknown): e is CredentialDesignerError => e instanceof CredentialDesignerError;",
        "export const props: CredentialFormProps = { schema };",
        "export const component = CredentialForm;",
        "export const element: typeof CredentialFormElement = CredentialFormElement;",
        "// @ts-expect-error: parseSchema takes text or bytes",
        "parseSchema(42);",
        "",
      ].join("\n"),
    );
    await fs.writeFile(
      path.join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          lib: ["es2022", "dom"],
          skipLibCheck: false,
          // The checkout's Node types, for the docs' example (node:fs); the app installs none.
          typeRoots: [path.join(REPO, "node_modules", "@types")],
          types: ["node"],
        },
        files: ["consumer.ts", "docs-example.ts"],
      }),
    );
    // The checkout's compiler (the app installs none): only the app's node_modules are read.
    const result = await inApp(path.join(REPO, "node_modules", ".bin", "tsc"), ["-p", "."]);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("an app built with Vite shows the React form and <credential-form>: both validate and submit", async () => {
    await fs.writeFile(
      path.join(app, "index.html"),
      `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Connector settings</title></head>
  <body>
    <main>
      <section aria-label="React"><h1>API key (React)</h1><div id="react"></div></section>
      <section aria-label="Element"><h1>API key (element)</h1><credential-form id-prefix="el"></credential-form></section>
    </main>
    <script type="module" src="/src/main.js"></script>
  </body>
</html>
`,
    );
    await fs.writeFile(
      path.join(app, "src", "main.js"),
      `import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { CredentialForm } from "credential-designer/preview";
import "credential-designer/preview/element";
import "credential-designer/preview/style.css";
import schema from "./generated/api-key.schema.json";
import validate from "./generated/api-key.validate.js";

window.submitted = [];
// React, with the validator the command exported (no Ajv in the page for it).
createRoot(document.getElementById("react")).render(
  createElement(CredentialForm, {
    schema, validate, idPrefix: "react",
    onSubmit: (value) => window.submitted.push(["react", Object.keys(value).sort()]),
  }),
);
// The element compiles the schema itself (Ajv in a chunk of its own).
const form = document.querySelector("credential-form");
form.schema = schema;
form.addEventListener("submit", (event) => window.submitted.push(["element", Object.keys(event.detail.value).sort()]));
`,
    );
    const built = await inApp(process.execPath, [
      path.join(app, "node_modules", "vite", "bin", "vite.js"),
      "build",
      "--logLevel",
      "error",
    ]);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);

    server = await serveStatic(path.join(app, "dist"));
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.goto(server.url);
    for (const name of ["React", "Element"]) {
      const section = page.getByRole("region", { name });
      const key = section.getByLabel(/^API key/);
      await key.waitFor();
      await section.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => key.getAttribute("aria-invalid"), { message: name }).toBe("true");
      await key.fill(SECRET);
      await section.getByRole("button", { name: "Save" }).click();
    }
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { submitted: unknown[] }).submitted))
      .toEqual([
        ["react", ["apiKey", "in", "name"]],
        ["element", ["apiKey", "in", "name"]],
      ]);
    const html = await page.content();
    expect(html).not.toContain(SECRET);
    expect(problems).toEqual([]);
  });
});
