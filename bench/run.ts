/**
 * npm run bench                              every benchmark: export (default sizes), preview, designer, diff
 * npm run bench -- export [sizes [rounds]]   the export benchmark only (bench/export.ts)
 * npm run bench -- csharp [--rounds 5] [--compiles 3]  export --csharp against without, and mcs (bench/export-csharp.ts)
 * npm run bench -- preview [options]         the preview benchmark only (bench/preview/run.ts)
 * npm run bench -- diff [fields [values [rounds]]]   the diff benchmark only (bench/diff.ts; a few minutes)
 * npm run bench -- designer [options]        the designer benchmark only (bench/designer/run.ts)
 * npm run bench -- designer-export [options] export in the built designer (bench/designer-export/run.ts)
 * npm run bench -- designer-load [--loads 21] the built designer's first load (bench/designer/first-load.ts)
 * npm run bench -- cli [--runs 5]           the built command, cold: check, export, many files (bench/cli/run.ts)
 * npm run bench -- patterns [--rounds 9]     the pattern analysis by pattern length (bench/patterns.ts)
 * npm run bench -- 1000,5000 [rounds]        as before: export at these sizes, then preview and diff
 */

import { cliBench } from "./cli/run.ts";
import { designerLoadBench } from "./designer/first-load.ts";
import { designerBench } from "./designer/run.ts";
import { designerExportBench } from "./designer-export/run.ts";
import { diffBench } from "./diff.ts";
import { exportBench } from "./export.ts";
import { csharpBench } from "./export-csharp.ts";
import { patternsBench } from "./patterns.ts";
import { previewBench } from "./preview/run.ts";

const [command, ...rest] = process.argv.slice(2);
if (command === "export") await exportBench(rest);
else if (command === "csharp") await csharpBench(rest);
else if (command === "preview") await previewBench(rest);
else if (command === "diff") await diffBench(rest);
else if (command === "designer") await designerBench(rest);
else if (command === "designer-export") await designerExportBench(rest);
else if (command === "designer-load") await designerLoadBench(rest);
else if (command === "cli") await cliBench(rest);
else if (command === "patterns") await patternsBench(rest);
else {
  await exportBench(process.argv.slice(2));
  await csharpBench();
  await previewBench();
  await designerBench();
  await designerLoadBench();
  await designerExportBench();
  await diffBench();
}
