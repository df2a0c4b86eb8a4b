import schema from "virtual:bench/schema";
import { fieldTitles } from "../schema.ts";
import { runBench } from "./harness.ts";

// The floor: n labelled inputs built with DOM calls into a detached <div> that is then inserted
// once; no framework, no validation, no listeners. (Not a <form>: in Chromium, appending controls
// one by one below a <form> costs about 25× more for 1,000 rows, ~60 ms instead of ~2.5 ms.)
const titles = fieldTitles(schema);
void runBench(titles.length, () => {
  const list = document.createElement("div");
  titles.forEach((title, n) => {
    const id = `field${n}`;
    const row = document.createElement("div");
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = title;
    const input = document.createElement("input");
    input.id = id;
    input.name = id;
    input.type = "text";
    row.append(label, input);
    list.append(row);
  });
  document.getElementById("app")!.append(list);
});
