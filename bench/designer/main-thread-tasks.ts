import type { CDPSession } from "playwright-core";

/**
 * The renderer main thread's tasks while `during` runs, from a Chromium trace: a frame can only be
 * on time if no task runs longer than a frame (16.7 ms at 60 Hz), so the longest task says more
 * than frame intervals, which vsync rounds to 16.7 ms.
 */
export async function mainThreadTasks(
  cdp: CDPSession,
  during: () => Promise<void>,
): Promise<number[]> {
  const events: TraceEvent[] = [];
  // (the protocol types trace events as string maps; they are JSON objects of this shape)
  const collect = (data: { value: object[] }) => void events.push(...(data.value as TraceEvent[]));
  cdp.on("Tracing.dataCollected", collect);
  const complete = new Promise<void>((resolve) =>
    cdp.once("Tracing.tracingComplete", () => resolve()),
  );
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,toplevel",
    transferMode: "ReportEvents",
  });
  try {
    await during();
  } finally {
    await cdp.send("Tracing.end");
    await complete;
    cdp.off("Tracing.dataCollected", collect);
  }
  // Every renderer has a main thread; the page's is the busiest one.
  const mains = events.filter(
    (event) =>
      event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain",
  );
  const tasksOf = (main: TraceEvent) =>
    events
      .filter(
        (event) =>
          event.pid === main.pid &&
          event.tid === main.tid &&
          event.ph === "X" &&
          (event.name === "RunTask" || event.name === "ThreadControllerImpl::RunTask") &&
          typeof event.dur === "number",
      )
      .map((event) => event.dur! / 1000);
  const busiest = mains.map(tasksOf).sort((a, b) => sum(b) - sum(a))[0];
  if (!busiest) throw new Error("the trace has no renderer main thread");
  return busiest;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}
