/**
 * In-page measurements, the same for every contender (runs in the browser).
 *
 * First render: once the page has loaded and produced two frames, from just before the contender starts building its DOM (`createRoot().render`, or
 * the plain-DOM loop) to the frame that first shows all the fields: a requestAnimationFrame that
 * finds them committed, then a MessageChannel task, which runs once that frame has been produced.
 *
 * Keystroke: on the typed field (found by its label, "Field 500"), set the value with the native
 * setter and dispatch a bubbling `input` event (what React listens to), wait one MessageChannel
 * task (so microtask-flushed React work and tasks queued during the event are included), then
 * force layout (`document.body.offsetHeight`). Between keystrokes the page paints and settles;
 * that time is not counted.
 */

/** One keystroke, in ms since just before the value was set: cumulative, so `total` is the figure. */
export interface Keystroke {
  /** When dispatchEvent returned (work done synchronously in the event). */
  dispatched: number;
  /** After one MessageChannel task (microtasks, and tasks queued during the event). */
  task: number;
  /** After the forced layout: the keystroke's time. */
  total: number;
}

export interface BenchApi {
  ready: boolean;
  error?: string;
  /** Until the frame that first shows all fields has been produced: the first-render figure. */
  firstRender: number;
  /** Until the requestAnimationFrame that first finds all fields in the DOM (script and commit; before that frame's style, layout and paint). */
  committed: number;
  fields: number;
  typeKeys(count: number): Promise<Keystroke[]>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** Resolves in a fresh task (after all microtasks and the tasks queued before it). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(undefined);
  });
}

function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Resolves after the first frame in which `ready()` holds has been produced, with the time of
 * that frame's requestAnimationFrame callback.
 */
async function frameWhen(ready: () => boolean, timeoutMs = 30_000): Promise<number> {
  const start = performance.now();
  let seen: number;
  for (;;) {
    await frame();
    seen = performance.now();
    if (ready()) break;
    if (seen - start > timeoutMs) throw new Error(`the fields did not appear within ${timeoutMs} ms`);
  }
  await nextTask();
  return seen;
}

const inputs = document.getElementsByTagName("input");
const textareas = document.getElementsByTagName("textarea");
const fieldCount = () => inputs.length + textareas.length;

function typedField(field: number): HTMLInputElement | HTMLTextAreaElement {
  const title = new RegExp(`^\\s*Field ${field}(?!\\d)`);
  for (const label of document.getElementsByTagName("label")) {
    if (!title.test(label.textContent ?? "")) continue;
    const control = label.control;
    if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) return control;
  }
  throw new Error(`no <label> "Field ${field}" points at an input or textarea`);
}

const KEYS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Measures the first render of `mount`, then publishes window.__bench for the driver. */
export async function runBench(expectedFields: number, typed: number, mount: () => void): Promise<void> {
  const api: BenchApi = { ready: false, firstRender: NaN, committed: NaN, fields: 0, typeKeys: async () => [] };
  window.__bench = api;
  try {
    // Start once the page is loaded and producing frames, so that no start-up lag is counted.
    if (document.readyState !== "complete") await new Promise((resolve) => addEventListener("load", resolve, { once: true }));
    await frameWhen(() => true);
    await frameWhen(() => true);
    const start = performance.now();
    mount();
    api.committed = (await frameWhen(() => fieldCount() >= expectedFields)) - start;
    api.firstRender = performance.now() - start;
    api.fields = fieldCount();
    api.typeKeys = async (count) => {
      const target = typedField(typed);
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(target), "value")!.set!;
      target.focus();
      await frameWhen(() => true);
      const times: Keystroke[] = [];
      let value = target.value;
      for (let k = 0; k < count; k++) {
        value += KEYS[k % KEYS.length];
        const t0 = performance.now();
        setter.call(target, value);
        target.dispatchEvent(new Event("input", { bubbles: true }));
        const dispatched = performance.now() - t0;
        await nextTask();
        const task = performance.now() - t0;
        void document.body.offsetHeight;
        times.push({ dispatched, task, total: performance.now() - t0 });
        await frameWhen(() => true);
      }
      if (target.value !== value) throw new Error(`the typed field holds ${JSON.stringify(target.value)}, not ${JSON.stringify(value)}`);
      return times;
    };
    // Let anything scheduled after the first frame (effects, lazy work) finish before typing.
    await frameWhen(() => true);
    await frameWhen(() => true);
  } catch (error) {
    api.error = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
  }
  api.ready = true;
}
