import type { Page } from "playwright-core";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** A V8 CPU profile (through the Chrome DevTools Protocol) of what `during` makes the page do. */
export async function cpuProfile(page: Page, during: () => Promise<void>): Promise<Profile> {
  const session = await page.context().newCDPSession(page);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 50 });
  await session.send("Profiler.start");
  try {
    await during();
    return ((await session.send("Profiler.stop")) as unknown as { profile: Profile }).profile;
  } finally {
    await session.detach();
  }
}

/** The functions with the most self time, as markdown table rows (time from the sample deltas). */
export function topSelfTime(profile: Profile, count = 15): string[] {
  const self = new Map<number, number>();
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    const next = timeDeltas[i + 1] ?? 0; // the time until the next sample belongs to this one
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + next);
  }
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const time = (self.get(node.id) ?? 0) / 1000;
    if (node.callFrame.functionName === "(idle)" || time === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const where = url ? ` ${url.split("/").pop()}:${lineNumber + 1}:${columnNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"}${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + time);
    total += time;
  }
  return [
    `| function (self time) | ms | share |`,
    `| --- | ---: | ---: |`,
    ...[...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(
        ([name, ms]) => `| \`${name}\` | ${ms.toFixed(1)} | ${((ms / total) * 100).toFixed(0)}% |`,
      ),
    `| (all, idle excluded) | ${total.toFixed(1)} | |`,
  ];
}
