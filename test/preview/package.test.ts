import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../support/build-example.ts";

const LIB = path.join(REPO, "lib", "preview");
// 10.5 KB: 10 KB until the vendor keywords (issue 17: secrets, order, sections, hidden fields read
// by src/model/vendor-keywords.ts) took about 0.5 KB of it.
const BUDGET = 10.5 * 1024;

/** Ajv's code, as minified: what must be in a lazy chunk only (a test below finds it there). */
const AJV = /ucs2length|strictSchema|json-schema\.org\/draft-07\/schema#/;

/**
 * A built file and the files it imports, by path, with the packages they import: `static` follows
 * `import … from` (what loads with the file), `all` follows import() too (what it may load later).
 */
async function graph(
  file: string,
  follow: "static" | "all",
): Promise<{ files: Map<string, string>; packages: Set<string> }> {
  const files = new Map<string, string>();
  const packages = new Set<string>();
  const visit = async (at: string) => {
    if (files.has(at)) return;
    const code = await fs.readFile(at, "utf8");
    files.set(at, code);
    const specifiers = [
      ...[...code.matchAll(/\b(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["'`]([^"'`]+)["'`]/g)],
      ...(follow === "all" ? [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)] : []),
    ].map((match) => match[1]!);
    for (const specifier of specifiers)
      if (specifier.startsWith(".")) await visit(path.resolve(path.dirname(at), specifier));
      else packages.add(specifier);
  };
  await visit(file);
  return { files, packages };
}

const gzipped = (files: Map<string, string>) =>
  [...files.values()].reduce((sum, code) => sum + gzipSync(code).length, 0);

beforeAll(() => {
  execFileSync(process.execPath, ["--import", "tsx", path.join(REPO, "scripts", "build-lib.ts")], {
    cwd: REPO,
    stdio: "pipe",
  });
}, 120_000);

describe("the credential-designer/preview package entry (npm run build:lib)", () => {
  it("package.json exports ./preview and ./preview/element as built ES modules with their declarations", async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(REPO, "package.json"), "utf8"));
    expect(manifest.exports["./preview"]).toEqual({
      types: "./lib/preview/index.d.ts",
      import: "./lib/preview/index.js",
    });
    expect(manifest.exports["./preview/element"]).toEqual({
      types: "./lib/preview/element.d.ts",
      import: "./lib/preview/element.js",
    });
    await fs.access(path.join(REPO, manifest.exports["./preview/element"].types));
    expect(manifest.peerDependencies.react).toBeDefined();
    expect(manifest.dependencies?.react).toBeUndefined();
    await fs.access(path.join(REPO, manifest.exports["./preview"].types));
    const module = await import(path.join(REPO, manifest.exports["./preview"].import));
    expect(typeof module.CredentialForm).toBe("function");
  });

  it("keeps React external and ajv out of the entry; the entry and what it imports are at most 10.5 KB gzipped", async () => {
    const { files, packages } = await graph(path.join(LIB, "index.js"), "static");
    expect([...packages]).toContain("react");
    for (const specifier of packages)
      expect(specifier).toMatch(/^(react|react-dom|react\/jsx-runtime|react-dom\/client)$/);
    for (const code of files.values()) expect(code).not.toMatch(AJV);
    // What only a new plan needs (the reconciler, about 1.3 KB) and the error sentences (1.2 KB)
    // are chunks loaded later; only the rebinding of kept fields stays here.
    expect(gzipped(files)).toBeLessThanOrEqual(BUDGET);
  });

  it("element.js: no React in anything it loads, now or later; ajv out of the entry; the entry and what it imports are at most 10.5 KB gzipped", async () => {
    const entry = path.join(LIB, "element.js");
    const eager = await graph(entry, "static");
    expect([...eager.packages]).toEqual([]);
    for (const code of eager.files.values()) expect(code).not.toMatch(AJV);
    expect(gzipped(eager.files)).toBeLessThanOrEqual(BUDGET);
    const everything = await graph(entry, "all");
    expect([...everything.packages]).toEqual([]);
    // (ajv is there, in a lazy chunk of its own.)
    expect([...everything.files.values()].some((code) => AJV.test(code))).toBe(true);
    for (const code of everything.files.values()) expect(code).not.toMatch(/\breact\b/i);
  });

  it("element.d.ts and the declarations it imports name no React", async () => {
    const seen = new Set<string>();
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = await fs.readFile(file, "utf8");
      expect(text, file).not.toMatch(/from\s*["']react|import\(["']react/);
      for (const [, specifier] of text.matchAll(/from\s*["'](\.{1,2}\/[^"']+)\.js["']/g))
        await visit(path.resolve(path.dirname(file), `${specifier}.d.ts`));
    };
    await visit(path.join(LIB, "element.d.ts"));
    expect([...seen].map((file) => path.relative(LIB, file))).toContain(
      path.join("types", "preview", "types.d.ts"),
    );
  });

  it("element.js imported where there is no DOM (a server render) throws nothing and defines nothing", async () => {
    expect(globalThis.HTMLElement).toBeUndefined();
    const module = await import(path.join(LIB, "element.js"));
    expect(typeof module.CredentialFormElement).toBe("function");
  });

  it("a consumer that imports credential-designer/preview and /preview/element type-checks against the declarations", async () => {
    await fs.mkdir(path.join(REPO, ".tmp"), { recursive: true });
    const dir = await fs.mkdtemp(path.join(REPO, ".tmp", "consumer-"));
    try {
      await fs.writeFile(
        path.join(dir, "consumer.tsx"),
        [
          'import { CredentialForm, type CredentialFormProps, type FieldError } from "credential-designer/preview";',
          'const schema = { type: "object", properties: { baseUrl: { type: "string", format: "uri" } } };',
          'const onChange: CredentialFormProps["onChange"] = (value, errors: FieldError[]) => void [value, errors.map((e) => e.path + e.message)];',
          'export const form = <CredentialForm schema={schema} onChange={onChange} idPrefix="a" />;',
          "// @ts-expect-error: schema is required",
          "export const broken = <CredentialForm />;",
          "",
        ].join("\n"),
      );
      await fs.writeFile(
        path.join(dir, "element.ts"),
        [
          'import { CredentialFormElement, type CredentialFormChangeDetail, type FieldError, type JsonSchema } from "credential-designer/preview/element";',
          'const form = document.createElement("credential-form");',
          "const isElement: CredentialFormElement = form;",
          'const schema: JsonSchema = { type: "object", properties: { token: { type: "string", writeOnly: true } } };',
          "form.schema = schema;",
          "form.disabled = false;",
          'form.addEventListener("change", (event) => void (event.detail satisfies CredentialFormChangeDetail).errors.map((e: FieldError) => e.message));',
          'form.addEventListener("submit", (event) => void event.detail.value);',
          "// @ts-expect-error: a value is an object",
          'form.value = "token";',
          "export { isElement };",
          "",
        ].join("\n"),
      );
      await fs.writeFile(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            jsx: "react-jsx",
            module: "ESNext",
            moduleResolution: "bundler",
            target: "ES2022",
            noEmit: true,
            skipLibCheck: false,
            types: [],
          },
          files: ["consumer.tsx", "element.ts"],
        }),
      );
      execFileSync(path.join(REPO, "node_modules", ".bin", "tsc"), ["-p", dir], {
        cwd: dir,
        stdio: "pipe",
      });
    } catch (error) {
      throw new Error(`tsc failed: ${String((error as { stdout?: Buffer }).stdout ?? error)}`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
