#!/usr/bin/env node
// The `credential-designer` command: runs the CLI built into lib/ (npm pack builds it; in a
// checkout, `npm run build:package`, or `npm run cli -- …` to run the sources). CommonJS, as the
// built command is: it starts faster than an ES module (scripts/build-node.ts says why).
const { existsSync } = require("node:fs");
const path = require("node:path");

const cli = path.join(__dirname, "..", "lib", "cli", "main.cjs");
if (!existsSync(cli)) {
  process.stderr.write(
    "credential-designer: the command is not built in this checkout (lib/cli/main.cjs is missing). Run 'npm run build:package' first, or 'npm run cli -- <arguments>' to run it from the sources.\n",
  );
  process.exit(2);
}
require(cli);
