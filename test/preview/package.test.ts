import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../support/build-example.ts";

const LIB = path.join(REPO, "lib", "preview");

beforeAll(() => {
  execFileSync(process.execPath, ["--import", "tsx", path.join(REPO, "scripts", "build-lib.ts")], {
    cwd: REPO,
    stdio: "pipe",
  });
}, 120_000);

describe("the credential-designer/preview package entry (npm run build:lib)", () => {
  it("package.json exports ./preview as a built ES module with its declarations", async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(REPO, "package.json"), "utf8"));
    expect(manifest.exports["./preview"]).toEqual({
      types: "./lib/preview/index.d.ts",
      import: "./lib/preview/index.js",
    });
    expect(manifest.peerDependencies.react).toBeDefined();
    expect(manifest.dependencies?.react).toBeUndefined();
    await fs.access(path.join(REPO, manifest.exports["./preview"].types));
    const module = await import(path.join(REPO, manifest.exports["./preview"].import));
    expect(typeof module.CredentialForm).toBe("function");
  });

  it("keeps React external and ajv out of the entry; the entry is at most 10 KB gzipped", async () => {
    const entry = await fs.readFile(path.join(LIB, "index.js"), "utf8");
    const imports = [...entry.matchAll(/from\s*"([^"]+)"/g)].map((match) => match[1]);
    expect(imports.filter((specifier) => !specifier!.startsWith("./"))).toEqual(
      expect.arrayContaining(["react"]),
    );
    for (const specifier of imports)
      expect(specifier).toMatch(
        /^(react|react-dom|react\/jsx-runtime|react-dom\/client|\.\/chunks\/.*)$/,
      );
    expect(entry).not.toMatch(
      /function ucs2length|json-schema-traverse|"http:\/\/json-schema.org\/draft-07\/schema#"/,
    );
    // What only a new plan needs (the reconciler, about 1.3 KB) is a chunk loaded on a form's
    // first new plan; only the rebinding of kept fields stays here.
    expect(gzipSync(entry).length).toBeLessThanOrEqual(10 * 1024);
  });

  it("a consumer that imports credential-designer/preview type-checks against the declarations", async () => {
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
          files: ["consumer.tsx"],
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
