/** The `credential-designer` command's entry: what bin/credential-designer.cjs runs, built. */
import { runFromProcess } from "./main.ts";

// (No top-level await: the command is built as CommonJS, which starts faster; see build-node.ts.)
void runFromProcess();
