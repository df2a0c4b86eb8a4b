/** The `credential-designer` command's entry: what bin/credential-designer.js runs, built. */
import { runFromProcess } from "./main.ts";

await runFromProcess();
