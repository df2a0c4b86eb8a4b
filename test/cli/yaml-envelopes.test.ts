import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lines, REPO, runMain, tempDir } from "../support/cli.ts";

// Real connector specifications (test/fixtures/envelopes/SOURCES.md), in their connectors' folder
// layout: an Airbyte spec.yaml inside its Python package, a Java connector's spec.json under
// src/main/resources, and a low-code manifest.yaml at the connector's root.
const STRIPE = "source-stripe/source_stripe/spec.yaml";
const POSTGRES = "destination-postgres/src/main/resources/spec.json";
const SENTRY = "source-sentry/manifest.yaml";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await fs.cp(path.join(REPO, "test", "fixtures", "envelopes"), dir, { recursive: true });
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("check reads YAML and envelopes", () => {
  it("checks the credential window inside each, saying on stderr which part it read", async () => {
    for (const [file, part] of [
      [STRIPE, "connectionSpecification"],
      [POSTGRES, "connectionSpecification"],
      [SENTRY, "spec.connection_specification"],
    ] as const) {
      const result = await runMain(["check", file], dir);
      expect(result.stderr, file).toBe(`read ${part} of ${file}\n`);
      expect(result.code, file).toBe(0);
      // The summary names the file; findings point into the window that was read (its own
      // pointers, not the envelope's).
      expect(lines(result.stdout).at(-1), file).toMatch(
        new RegExp(
          `^${file.replaceAll(".", "\\.")}: (no problems found|0 errors, \\d+ warnings?)$`,
        ),
      );
      for (const finding of lines(result.stdout).slice(0, -1))
        expect(finding, file).toMatch(
          new RegExp(`^${file.replaceAll(".", "\\.")}:/(spec/)?connection_?[sS]pecification/`),
        );
    }
  });

  it("reads a plain schema written in YAML, with no notice", async () => {
    await fs.writeFile(
      path.join(dir, "api.yml"),
      "$schema: http://json-schema.org/draft-07/schema#\ntitle: API\ntype: object\nproperties:\n  host:\n    type: string\n    title: Host\n    description: The server's host name.\n",
    );
    const result = await runMain(["check", "api.yml"], dir);
    expect(result).toEqual({ code: 0, stdout: "api.yml: no problems found\n", stderr: "" });
  });

  it("refuses broken YAML at its line:column, exit 2", async () => {
    await fs.writeFile(path.join(dir, "bad.yaml"), "type: object\nproperties:\n\tport: {}\n");
    const result = await runMain(["check", "bad.yaml"], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^credential-designer: bad\.yaml:3:1: a tab used for indentation/,
    );
  });

  it("refuses hostile YAML: a custom tag, several documents, a billion laughs", async () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      laughs.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      );
    }
    for (const [name, text, message] of [
      [
        "tag.yaml",
        "type: object\nx: !!js/function 'f'\n",
        /bad\b|tag\.yaml:2:4: a YAML tag outside the core schema/,
      ],
      [
        "docs.yaml",
        "type: object\n---\ntype: object\n",
        /docs\.yaml:2:1: the YAML text holds several documents/,
      ],
      ["laughs.yaml", laughs.join("\n"), /laughs\.yaml:2:\d+: the aliases expand too much/],
    ] as const) {
      await fs.writeFile(path.join(dir, name), text);
      const result = await runMain(["check", name], dir);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(message);
    }
  });

  it("names the place of an import problem in the file as written", async () => {
    await fs.mkdir(path.join(dir, "source-x"));
    await fs.writeFile(
      path.join(dir, "source-x", "spec.json"),
      JSON.stringify({
        documentationUrl: "https://example.com",
        connectionSpecification: { type: "object", properties: { port: { type: "port" } } },
      }),
    );
    const result = await runMain(["check", "source-x/spec.json"], dir);
    // A schema problem is a finding (exit 1), at its place in the file as written.
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("read connectionSpecification of source-x/spec.json\n");
    expect(lines(result.stdout)[0]).toMatch(
      /^source-x\/spec\.json:\/connectionSpecification\/properties\/port\/type: error: /,
    );
  });

  it("refuses a manifest without a credential window, saying what to add", async () => {
    await fs.writeFile(
      path.join(dir, "manifest.yaml"),
      "version: 6.0.0\ntype: DeclarativeSource\nstreams: []\n",
    );
    const result = await runMain(["check", "manifest.yaml"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/manifest without a spec.*add spec\.connection_specification/i);
  });
});

describe("export writes JSON, named after the connector", () => {
  it("names the files after the connector's folder, not spec or manifest", async () => {
    const result = await runMain(["export", STRIPE, POSTGRES, SENTRY, "--out", "out"], dir);
    expect(result.code).toBe(0);
    expect(lines(result.stderr)).toEqual([
      `read connectionSpecification of ${STRIPE}`,
      `read connectionSpecification of ${POSTGRES}`,
      `read spec.connection_specification of ${SENTRY}`,
      "credential-designer: 3 of 3 schemas exported",
    ]);
    const written = (await fs.readdir(path.join(dir, "out"))).sort();
    for (const base of ["source-stripe", "destination-postgres", "source-sentry"]) {
      expect(written).toContain(`${base}.schema.json`);
      expect(written).toContain(`${base}.ts`);
    }
    // The schema written is the window, as JSON, keys and values as the YAML had them.
    const schema = JSON.parse(
      await fs.readFile(path.join(dir, "out", "source-sentry.schema.json"), "utf8"),
    );
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(Object.keys(schema.properties)).toEqual([
      "project",
      "hostname",
      "auth_token",
      "organization",
      "discover_fields",
      "num_workers",
    ]);
    expect(schema.properties.auth_token.airbyte_secret).toBe(true);
    expect(schema.properties.hostname.description).toBe(
      "Host name of Sentry API server.For self-hosted, specify your host name here. Otherwise, leave it empty.",
    );
  });

  it("exports a YAML schema next to it as <base>.schema.json, leaving the YAML as it was", async () => {
    const text = "type: object\ntitle: API\nproperties:\n  host: {type: string, title: Host}\n";
    await fs.writeFile(path.join(dir, "api.yaml"), text);
    const result = await runMain(["export", "api.yaml"], dir);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toContain("api.schema.json");
    expect(JSON.parse(await fs.readFile(path.join(dir, "api.schema.json"), "utf8"))).toEqual({
      type: "object",
      title: "API",
      properties: { host: { type: "string", title: "Host" } },
    });
    expect(await fs.readFile(path.join(dir, "api.yaml"), "utf8")).toBe(text);
  });
});

describe("diff reads YAML and envelopes", () => {
  it("compares a manifest's window with the same window in JSON: no changes", async () => {
    expect((await runMain(["export", SENTRY, "--out", "json"], dir)).code).toBe(0);
    const window = JSON.parse(
      await fs.readFile(path.join(dir, "json", "source-sentry.schema.json"), "utf8"),
    );
    await fs.writeFile(path.join(dir, "window.json"), JSON.stringify(window));
    const result = await runMain(["diff", SENTRY, "window.json"], dir);
    expect(result.stderr).toBe(`read spec.connection_specification of ${SENTRY}\n`);
    expect(result.code).toBe(0);
  });
});
