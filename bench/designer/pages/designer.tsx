import Ajv from "ajv";
import addFormats from "ajv-formats";
import { createRoot } from "react-dom/client";
import { DesignerApp } from "../../../src/designer/app.tsx";
import { DesignerStore } from "../../../src/designer/store/designer-store.ts";
import { addField, type FieldNode, moveField, updateField } from "../../../src/model/index.ts";
import { AJV_OPTIONS } from "../../../src/schema/ajv-options.ts";
import { importSchema } from "../../../src/schema/import.ts";
import { toSchema } from "../../../src/schema/to-schema.ts";
import "../../../src/designer/ui/tokens.css";
import "../../../src/designer/ui/controls.css";
import "../../../src/preview/credential-form.css";
import "../../../src/designer/designer.css";
import "../../../src/designer/inspector/inspector.css";
import { generateCredentialSchema } from "../../generate-schema.ts";

/**
 * The designer on a generated design of FIELDS fields (?fields=N). window.__bench times one change
 * made through the store as the page makes it (an inspector edit, an add, a move): until the frame
 * that shows it has been produced ("shown"), and until the tasks queued by then have run too
 * ("settled": effects after paint, such as the preview compiling its validator). Beside it, the
 * reference: compiling the whole schema with ajv once.
 */
const FIELDS = Number(new URLSearchParams(location.search).get("fields") ?? 500);
const store = new DesignerStore(importSchema(generateCredentialSchema(FIELDS)));
createRoot(document.getElementById("root")!).render(<DesignerApp store={store} />);

type PostTask = (callback: () => number, options: { priority: "user-blocking" }) => Promise<number>;
const scheduler = (globalThis as unknown as { scheduler: { postTask: PostTask } }).scheduler;
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
const nextTask = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(undefined);
  });
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Times a change: until the frame after it is produced, and until the tasks queued by then have run. */
async function timeChange(change: () => void): Promise<{ shown: number; settled: number }> {
  await frame();
  await nextTask();
  const start = performance.now();
  change();
  await frame();
  const shown =
    (await scheduler.postTask(() => performance.now(), { priority: "user-blocking" })) - start;
  await nextTask();
  await nextTask();
  return { shown, settled: performance.now() - start };
}

const groups = () => store.doc.root.fields!.filter((field) => field.fields);
const middle = <T,>(list: readonly T[]) => list[list.length >> 1]!;
let edits = 0;

const api = {
  ready: false,
  fields: FIELDS,
  async edit() {
    const field = middle(
      middle(groups()).fields!.filter((f: FieldNode) => !f.fields && !f.branches),
    );
    store.select(field.id);
    await frame();
    return timeChange(() =>
      store.run((doc) => updateField(doc, field.id, { set: { title: `Renamed ${++edits}` } })),
    );
  },
  async add() {
    const group = middle(groups());
    return timeChange(() =>
      store.run(
        (doc) => addField(doc, { parent: group.id, index: 3, kind: "text" }),
        (doc) => doc.root.id,
      ),
    );
  },
  async move() {
    const [from, to] = [groups()[1]!, groups()[groups().length - 2]!];
    const field = from.fields!.find((f: FieldNode) => !f.fields && !f.branches)!;
    return timeChange(() =>
      store.run((doc) => moveField(doc, field.id, { parent: to.id, index: 2 })),
    );
  },
  /** The reference: ajv compiling the whole current schema (a new Ajv, as for a new schema). */
  compileWhole() {
    const schema = toSchema(store.doc);
    const start = performance.now();
    const ajv = new Ajv({ ...AJV_OPTIONS });
    addFormats(ajv);
    ajv.compile(schema);
    return performance.now() - start;
  },
  /** Frame intervals recorded while `during` runs (a drag driven from outside). */
  frames: [] as number[],
  recording: false,
  startFrames() {
    api.frames = [];
    api.recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      api.frames.push(now - last);
      last = now;
      if (api.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  },
  stopFrames() {
    api.recording = false;
    return api.frames;
  },
};
(window as unknown as { __bench: typeof api }).__bench = api;
void (async () => {
  for (let i = 0; i < 3; i++) await frame();
  // The preview loads its validator when first used: use it, so that every change measured
  // includes validating the preview (as it does for anyone who has typed there).
  document.querySelector<HTMLElement>('[aria-label="Preview"] input')?.focus();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  for (let i = 0; i < 3; i++) await frame();
  await nextTask();
  api.ready = true;
})();
