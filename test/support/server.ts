import { createServer } from "vite";
import viteConfig from "../../vite.config.ts";

export interface StartedServer {
  /** e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the project's Vite dev server on 127.0.0.1 and a free port, for the end-to-end tests.
 * It watches no files: the tests' pages are served the code as it was when they first asked for
 * it, and a file saved meanwhile (anyone may be editing the working tree) does not reload a page
 * in the middle of a test. `cacheDir`: where it keeps its pre-bundled dependencies.
 */
export async function startServer(options: { cacheDir?: string } = {}): Promise<StartedServer> {
  const server = await createServer({
    ...viteConfig,
    configFile: false,
    logLevel: "error",
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    server: {
      ...viteConfig.server,
      host: "127.0.0.1",
      port: 0,
      strictPort: false,
      open: false,
      watch: null,
    },
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
