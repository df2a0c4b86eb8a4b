import { createServer } from "vite";
import viteConfig from "../../vite.config.ts";

export interface StartedServer {
  /** e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

/** Starts the project's Vite dev server on 127.0.0.1 and a free port, for the end-to-end tests. */
export async function startServer(): Promise<StartedServer> {
  const server = await createServer({
    ...viteConfig,
    configFile: false,
    logLevel: "error",
    server: { ...viteConfig.server, host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  try {
    await server.listen();
    const address = server.httpServer?.address();
    const url =
      server.resolvedUrls?.local[0] ??
      (address && typeof address === "object" ? `http://127.0.0.1:${address.port}/` : undefined);
    if (!url) throw new Error("the Vite dev server did not report its address");
    return { url, close: () => server.close() };
  } catch (error) {
    await server.close();
    throw error;
  }
}
