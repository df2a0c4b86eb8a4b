import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

const ISOLATED = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};

/**
 * Serves a folder on 127.0.0.1 and a free port, cross-origin isolated (COOP + COEP), which gives
 * the pages performance.now() at 5 µs instead of 100 µs resolution.
 */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (request, response) => {
    const file = path.join(
      root,
      decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname),
    );
    if (!file.startsWith(root + path.sep)) return void response.writeHead(403).end();
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return void response.writeHead(404).end("not found");
    response.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "content-length": stat.size,
      ...ISOLATED,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
