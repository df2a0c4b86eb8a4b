#!/usr/bin/env node
// The `credential-designer` command. The CLI is written in TypeScript and runs through tsx,
// with the project's own tsconfig (not the one of the folder it is run from).
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
const { runFromProcess } = await import("../src/cli/main.ts");
await runFromProcess();
