#!/usr/bin/env node
// The `credential-designer` command: runs the CLI built into lib/ (npm pack builds it; in a
// checkout, `npm run build:package`, or `npm run cli -- …` to run the sources).
import { access } from "node:fs/promises";

const cli = new URL("../lib/cli.js", import.meta.url);
try {
  await access(cli);
} catch {
  process.stderr.write(
    "credential-designer: the command is not built in this checkout (lib/cli.js is missing). Run 'npm run build:package' first, or 'npm run cli -- <arguments>' to run it from the sources.\n",
  );
  process.exit(2);
}
await import(cli.href);
