/**
 * npm run bench -- preview [--loads 7] [--keys 30] [--only floor,rjsf,rjsf-live,ours] [--profile ours]
 *                                          [--entry path/to/other/index.ts]
 *
 * A 1,000-string-field credential window rendered by a plain-DOM floor (labelled inputs, no
 * framework, no validation), by @rjsf/core (precompiled @rjsf/validator-ajv8 validator; default
 * props, and with liveValidate="onChange") and by our CredentialForm (given the validator that
 * exportFiles wrote), in headless Chromium, in the same run. Pages are production Vite builds;
 * the contenders alternate (the order rotates on every load, after one untimed warm-up load each);
 * every load is a fresh tab. What is timed, in the page: see pages/harness.ts.
 * Figures: medians over the loads (keystroke: median of each load's median over --keys keystrokes),
 * ratios against the floor of the same run. Also: the gzipped size of src/preview/index.ts's
 * library entry, React external, lazy chunks apart.
 * --profile <contender>: instead, an unminified build and a V8 CPU profile of one load of it (first
 * render, then the keystrokes), printed as the functions with the most self time.
 * --entry <module>: measure the CredentialForm of another module as "ours" (e.g. a variant under
 * trial); the entry size is then that module's too.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { launchChromium } from "../../test/support/chromium.ts";
import { median } from "../median.ts";
import { buildEntry, buildPages, type Contender, type EntrySize, PREVIEW_ENTRY } from "./build.ts";
import type { BenchApi, Keystroke } from "./pages/harness.ts";
import { cpuProfile, topSelfTime } from "./profile.ts";
import { generatePreviewSchema, TYPING } from "./schema.ts";
import { serveFolder } from "./server.ts";

const FIELDS = 1000;
type Row = "floor" | "rjsf" | "rjsf-live" | "ours";
const ROWS: Record<Row, { contender: Contender; query: string; label: string }> = {
  floor: { contender: "floor", query: "", label: "floor (plain DOM)" },
  rjsf: { contender: "rjsf", query: "", label: "rjsf" },
  "rjsf-live": { contender: "rjsf", query: "?live", label: "rjsf, liveValidate" },
  ours: { contender: "ours", query: "", label: "ours (CredentialForm)" },
};

interface Options {
  loads: number;
  keys: number;
  only: Row[];
  profile?: Row;
  entry: string;
}

function parseOptions(args: readonly string[]): Options {
  const options: Options = {
    loads: 7,
    keys: 30,
    only: ["floor", "rjsf", "rjsf-live", "ours"],
    entry: PREVIEW_ENTRY,
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === "--loads" && value) options.loads = Number(value);
    else if (flag === "--keys" && value) options.keys = Number(value);
    else if (flag === "--only" && value) options.only = value.split(",") as Row[];
    else if (flag === "--entry" && value) options.entry = path.resolve(value);
    else if (flag === "--profile" && value) {
      options.profile = value as Row;
      options.only = [value as Row];
    } else
      throw new Error(
        `unknown argument ${flag}; usage: npm run bench -- preview [--loads 7] [--keys 30] [--only ${Object.keys(ROWS).join(",")}] [--profile <contender>] [--entry <module exporting CredentialForm>]`,
      );
    i++; // the flag's value
  }
  for (const row of options.only) if (!(row in ROWS)) throw new Error(`unknown contender ${row}`);
  if (!options.only.includes("floor")) options.only.unshift("floor");
  return options;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function previewBench(args: readonly string[] = []): Promise<void> {
  const options = parseOptions(args);
  const started = performance.now();
  const hasOurs = await fs.access(options.entry).then(
    () => true,
    () => false,
  );
  if (!hasOurs && options.only.includes("ours")) {
    console.error(
      `${path.relative(process.cwd(), options.entry)} does not exist (yet): measuring without ours`,
    );
    options.only = options.only.filter((row) => row !== "ours");
  }
  const contenders = [...new Set(options.only.map((row) => ROWS[row].contender))];
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "credential-designer-bench-preview-"));
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let server: Awaited<ReturnType<typeof serveFolder>> | undefined;
  try {
    const schema = generatePreviewSchema(FIELDS);
    const pages = await buildPages(schema, contenders, path.join(tmp, "pages"), {
      minify: !options.profile,
      entry: options.entry,
    });
    const entry: EntrySize | undefined =
      hasOurs && !options.profile
        ? await buildEntry(path.join(tmp, "lib"), options.entry)
        : undefined;
    console.error(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    server = await serveFolder(path.join(tmp, "pages"));
    browser = await launchChromium();
    const url = (row: Row) =>
      `${server!.url}${pages.find((p) => p.contender === ROWS[row].contender)!.page}${ROWS[row].query}`;

    const profiles: Array<[string, Awaited<ReturnType<typeof cpuProfile>>]> = [];
    const load = async (row: Row, profiled = false) => {
      const page = await browser!.context.newPage();
      const phase = async (name: string, during: () => Promise<void>) => {
        if (profiled) profiles.push([name, await cpuProfile(page, during)]);
        else await during();
      };
      try {
        const pageErrors: string[] = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        await phase("first render (page load included)", async () => {
          await page.goto(url(row));
          await page.waitForFunction(() => window.__bench?.ready === true, undefined, {
            timeout: 60_000,
          });
        });
        const result = await page.evaluate(() => {
          const { error, firstRender, committed, settled, fields } = window.__bench!;
          return { error, firstRender, committed, settled, fields, isolated: crossOriginIsolated };
        });
        if (result.error || pageErrors.length)
          throw new Error(`${row}: ${result.error ?? pageErrors.join("; ")}`);
        if (result.fields !== FIELDS)
          throw new Error(`${row}: ${result.fields} inputs rendered, expected ${FIELDS}`);
        let keys: Keystroke[] = [],
          keysInvalid: Keystroke[] = [];
        await phase(
          `${options.keys} keystrokes into field ${TYPING.valid.field} (frames between them included)`,
          async () => {
            keys = await page.evaluate(
              ([count, { field, start }]) =>
                (window.__bench as BenchApi).typeKeys(count, field, start),
              [options.keys, TYPING.valid] as const,
            );
          },
        );
        await phase(
          `${options.keys} keystrokes into field ${TYPING.invalid.field}, showing an error (frames between them included)`,
          async () => {
            keysInvalid = await page.evaluate(
              ([count, { field, start }]) =>
                (window.__bench as BenchApi).typeKeys(count, field, start),
              [options.keys, TYPING.invalid] as const,
            );
          },
        );
        if (pageErrors.length) throw new Error(`${row}: ${pageErrors.join("; ")}`);
        if (!result.isolated)
          console.error(`${row}: the page is not cross-origin isolated (timer resolution 100 µs)`);
        return {
          firstRender: result.firstRender,
          committed: result.committed,
          settled: result.settled,
          keystroke: median(keys.map((k) => k.total)),
          keystrokeInvalid: median(keysInvalid.map((k) => k.total)),
          dispatched: median(keys.map((k) => k.dispatched)),
          task: median(keys.map((k) => k.task)),
        };
      } finally {
        await page.close();
      }
    };

    for (const row of options.only) await load(row); // warm-up, untimed
    if (options.profile) {
      const result = await load(options.profile, true);
      console.log(
        `\nCPU profile of ${ROWS[options.profile].label} (unminified build): first render ${result.firstRender.toFixed(1)} ms, keystroke ${result.keystroke.toFixed(3)} ms`,
      );
      for (const [name, profile] of profiles)
        console.log(`\n${name}\n\n${topSelfTime(profile).join("\n")}`);
      return;
    }
    const results = new Map<Row, Array<Awaited<ReturnType<typeof load>>>>(
      options.only.map((row) => [row, []]),
    );
    for (let round = 0; round < options.loads; round++) {
      const order = options.only.map((_, i) => options.only[(i + round) % options.only.length]!);
      for (const row of order) {
        const result = await load(row);
        results.get(row)!.push(result);
        console.error(
          `load ${round + 1} ${row}: first render ${result.firstRender.toFixed(1)} ms, keystroke ${result.keystroke.toFixed(3)} ms, with an error shown ${result.keystrokeInvalid.toFixed(3)} ms`,
        );
      }
    }

    const summary = options.only.map((row) => {
      const of = (key: keyof Awaited<ReturnType<typeof load>>) =>
        median(results.get(row)!.map((r) => r[key]));
      return {
        row,
        firstRender: of("firstRender"),
        committed: of("committed"),
        settled: of("settled"),
        keystroke: of("keystroke"),
        keystrokeInvalid: of("keystrokeInvalid"),
        dispatched: of("dispatched"),
        task: of("task"),
      };
    });
    const floor = summary.find((s) => s.row === "floor")!;
    console.log(
      `\nPreview, ${FIELDS} string fields, headless Chromium (${browser.found.source}), ${options.loads} loads × ${options.keys} keystrokes, medians (${new Date().toISOString().slice(0, 10)})\n`,
    );
    console.log(
      `Keystroke: typing into field ${TYPING.valid.field} (a required secret, visited while empty; valid from the 8th key on). Keystroke, error shown: typing into field ${TYPING.invalid.field} (a pattern, visited holding ${JSON.stringify(TYPING.invalid.start)}; invalid throughout, so a form validates and shows its error on every key).\n`,
    );
    console.log(
      "| contender | first render (median ms) | ×floor | keystroke (median ms) | ×floor | keystroke, error shown (median ms) | ×floor | page JS (gzip) |",
    );
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const s of summary) {
      const js = pages.find((p) => p.contender === ROWS[s.row].contender)!.jsGzip;
      const ratio = (value: number, of: number) => (value / of).toFixed(2);
      console.log(
        `| ${ROWS[s.row].label} | ${s.firstRender.toFixed(1)} | ${ratio(s.firstRender, floor.firstRender)} | ${s.keystroke.toFixed(3)} | ${ratio(s.keystroke, floor.keystroke)} | ${s.keystrokeInvalid.toFixed(3)} | ${ratio(s.keystrokeInvalid, floor.keystrokeInvalid)} | ${kb(js)} |`,
      );
    }
    console.log(
      "\nWhere the time goes (medians, ms). First render: until the rAF that finds all fields committed (script, commit, waiting for the frame) | that frame's style, layout, paint | " +
        `until tasks queued before the frame have run too (not in the figure). Keystroke (field ${TYPING.valid.field}), cumulative: dispatchEvent returned | + one task | + forced layout.\n`,
    );
    console.log(
      "| contender | render: to rAF | render: frame | render: queued after | key: in event | key: + task | key: + layout |",
    );
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const s of summary) {
      const cells = [s.committed, s.firstRender - s.committed, s.settled - s.firstRender].map(
        (ms) => ms.toFixed(1),
      );
      console.log(
        `| ${ROWS[s.row].label} | ${cells.join(" | ")} | ${s.dispatched.toFixed(3)} | ${s.task.toFixed(3)} | ${s.keystroke.toFixed(3)} |`,
      );
    }
    if (entry) {
      const lazy = entry.lazy.length
        ? entry.lazy.map((c) => `${c.file} ${kb(c.gzip)}`).join(", ")
        : "none";
      console.log(
        `\nEntry (${path.relative(process.cwd(), options.entry)}, ${entry.config}): ${kb(entry.entry.gzip)} gzipped (${entry.entry.files.join(" + ")}); lazy chunks: ${lazy}. Budget 10.5 KB.`,
      );
    } else {
      console.log("\nEntry size: src/preview/index.ts does not exist yet.");
    }
    console.error(`preview bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await browser?.close();
    await server?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
