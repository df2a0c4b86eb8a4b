/**
 * npm run bench -- cli [--runs 5] [--windows 100]: the built command (lib/cli/main.cjs, as npm pack
 * builds it) started cold, each run a new process, medians:
 * - `check` of a template against `node -e 0`;
 * - `export` of the REST template against json-schema-to-typescript's CLI plus Ajv's standalone
 *   compile, run as separate processes on the same file (what a build would run without us);
 * - `export` of many generated windows in one call against one call per window.
 * Also the size of the tarball `npm pack` makes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildNode } from "../../scripts/build-node.ts";
import { generateCredentialSchema } from "../generate-schema.ts";
import { median } from "../median.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = path.join(ROOT, "bin", "credential-designer.cjs");
const JSON2TS = path.join(
  ROOT,
  "node_modules",
  "json-schema-to-typescript",
  "dist",
  "src",
  "cli.js",
);
const AJV = fileURLToPath(new URL("ajv-standalone.mjs", import.meta.url));

/** Wall time of one process, in ms; a failure stops the benchmark (it would measure nothing). */
function timed(command: string, args: readonly string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
  const elapsed = performance.now() - start;
  if (result.status !== 0)
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed: ${result.stderr}`);
  return elapsed;
}

function option(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

export async function cliBench(args: readonly string[] = []): Promise<void> {
  const runs = option(args, "--runs", 5);
  const windows = option(args, "--windows", 100);
  await buildNode();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cd-cli-bench-"));
  try {
    const node = process.execPath;
    const rest = path.join(ROOT, "schemas", "rest-adapter.json");
    fs.mkdirSync(path.join(dir, "many"));
    const many: string[] = [];
    for (let i = 0; i < windows; i++) {
      const file = path.join(dir, "many", `window-${i}.json`);
      fs.writeFileSync(file, JSON.stringify(generateCredentialSchema(8 + (i % 5) * 8), null, 2));
      many.push(file);
    }
    // Warm the file cache once; then alternate, so a busy moment hurts every side alike.
    timed(node, [BIN, "export", rest, "--out", "warm"], dir);
    const times = { node: [] as number[], check: [] as number[], direct: [] as number[] };
    const exportTimes = { ours: [] as number[], one: [] as number[] };
    for (let run = 0; run < runs; run++) {
      times.node.push(timed(node, ["-e", "0"], dir));
      times.check.push(timed(node, [BIN, "check", rest], dir));
      times.direct.push(
        timed(node, [JSON2TS, "-i", rest, "-o", "direct.ts"], dir) +
          timed(node, [AJV, rest, "direct.validate.js"], dir),
      );
      exportTimes.ours.push(timed(node, [BIN, "export", rest, "--out", "ours"], dir));
      exportTimes.one.push(timed(node, [BIN, "export", ...many, "--out", "one-call"], dir));
    }
    // One call per window: slow (a process each), so measured once.
    let separate = 0;
    for (const file of many)
      separate += timed(node, [BIN, "export", file, "--out", "separate"], dir);

    const [n, c, d, o, one] = [
      median(times.node),
      median(times.check),
      median(times.direct),
      median(exportTimes.ours),
      median(exportTimes.one),
    ];
    const tarball = packedSize();
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(
      `\nThe command, cold (Node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}; medians of ${runs} runs)\n`,
    );
    console.log("| what | ours | reference | ratio | target |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    console.log(
      `| check rest-adapter.json vs node -e 0 | ${ms(c)} | ${ms(n)} | ${(c / n).toFixed(2)}× | ≤ 4× |`,
    );
    console.log(
      `| export rest-adapter.json vs json2ts CLI + Ajv standalone (two processes) | ${ms(o)} | ${ms(d)} | ${(o / d).toFixed(2)}× | ≤ 1.0× |`,
    );
    console.log(
      `| export of ${windows} windows: one call vs one call each (measured once) | ${ms(one)} | ${ms(separate)} | ${(one / separate).toFixed(3)}× | ≤ 0.2× |`,
    );
    console.log(
      `\nnpm pack: ${(tarball.size / 1024).toFixed(1)} KB packed, ${(tarball.unpackedSize / 1024).toFixed(1)} KB unpacked, ${tarball.entryCount} files`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What `npm pack` would make (a dry run: the prepack build runs, nothing is written). */
function packedSize(): { size: number; unpackedSize: number; entryCount: number } {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [info] = JSON.parse(out.slice(out.indexOf("["))) as Array<{
    size: number;
    unpackedSize: number;
    entryCount: number;
  }>;
  return info!;
}
