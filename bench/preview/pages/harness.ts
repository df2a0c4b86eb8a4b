/**
 * In-page measurements, the same for every contender (runs in the browser).
 *
 * First render: once the page has loaded and produced two frames, from just before the contender
 * starts building its DOM (`createRoot().render`, or the plain-DOM loop) to the frame that first
 * shows all the fields: a requestAnimationFrame callback that finds them committed posts a
 * user-blocking task (scheduler.postTask), which runs as soon as that frame has been produced,
 * ahead of tasks the page queued before. Reported beside it: the time until a normal task posted
 * there has run too (work the contender deferred to just after the frame).
 *
 * Keystroke: on the typed field (found by its label, e.g. "Field 500"), which was visited before
 * (given a start value, focused and left, so that a form that shows errors once a field is
 * touched shows them there), set the value with the native setter and dispatch a bubbling
 * `input` event (what React listens to), wait one MessageChannel task (so microtask-flushed React
 * work and tasks queued during the event are included), then force layout
 * (`document.body.offsetHeight`). Between keystrokes the page paints and settles; that time is
 * not counted.
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
  /** Until the tasks the page had queued before that frame have run too (work deferred to just after the frame). */
  settled: number;
  fields: number;
  /** Types `count` keys into field `field` after giving it the value `start` and visiting it. */
  typeKeys(count: number, field: number, start: string): Promise<Keystroke[]>;
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

type PostTask = (callback: () => void, options: { priority: "user-blocking" }) => Promise<void>;
const scheduler = (globalThis as unknown as { scheduler?: { postTask: PostTask } }).scheduler;

interface FrameTimes {
  /** When the requestAnimationFrame callback that found `ready()` ran. */
  seen: number;
  /** When that frame had been produced: a user-blocking task posted from the callback (it runs ahead of tasks queued before). */
  produced: number;
  /** When a normal task posted from the callback ran: after whatever the page had queued before it. */
  settled: number;
}

/** Resolves after the first frame in which `ready()` holds has been produced and the page has run the tasks it had queued. */
async function frameWhen(ready: () => boolean, timeoutMs = 30_000): Promise<FrameTimes> {
  const start = performance.now();
  for (;;) {
    await frame();
    const seen = performance.now();
    if (ready()) {
      const produced = scheduler
        ? scheduler.postTask(() => performance.now(), { priority: "user-blocking" })
        : undefined;
      await nextTask();
      const settled = performance.now();
      return { seen, produced: (await produced) ?? settled, settled };
    }
    if (seen - start > timeoutMs)
      throw new Error(`the fields did not appear within ${timeoutMs} ms`);
  }
}

const inputs = document.getElementsByTagName("input");
const textareas = document.getElementsByTagName("textarea");
const fieldCount = () => inputs.length + textareas.length;

function typedField(field: number): HTMLInputElement | HTMLTextAreaElement {
  const title = new RegExp(`^\\s*Field ${field}(?!\\d)`);
  for (const label of document.getElementsByTagName("label")) {
    if (!title.test(label.textContent ?? "")) continue;
    const control = label.control;
    if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)
      return control;
  }
  throw new Error(`no <label> "Field ${field}" points at an input or textarea`);
}

const KEYS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Measures the first render of `mount`, then publishes window.__bench for the driver. */
export async function runBench(expectedFields: number, mount: () => void): Promise<void> {
  const api: BenchApi = {
    ready: false,
    firstRender: NaN,
    committed: NaN,
    settled: NaN,
    fields: 0,
    typeKeys: async () => [],
  };
  window.__bench = api;
  try {
    // Start once the page is loaded and producing frames, so that no start-up lag is counted.
    if (document.readyState !== "complete")
      await new Promise((resolve) => addEventListener("load", resolve, { once: true }));
    await frameWhen(() => true);
    await frameWhen(() => true);
    const start = performance.now();
    mount();
    const times = await frameWhen(() => fieldCount() >= expectedFields);
    api.committed = times.seen - start;
    api.firstRender = times.produced - start;
    api.settled = times.settled - start;
    api.fields = fieldCount();
    api.typeKeys = async (count, field, start) => {
      const target = typedField(field);
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(target), "value")!.set!;
      // The field was visited before (given its start value, focused and left), as in a form
      // being filled in: a form that shows errors once a field is touched shows them there.
      target.focus();
      if (start) {
        setter.call(target, start);
        target.dispatchEvent(new Event("input", { bubbles: true }));
      }
      target.blur();
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
      if (target.value !== value)
        throw new Error(
          `the typed field holds ${JSON.stringify(target.value)}, not ${JSON.stringify(value)}`,
        );
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
