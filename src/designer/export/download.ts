/** The media type a download is labelled with, by file name (browsers keep the name as given). */
export function mediaTypeOf(fileName: string): string {
  if (fileName.endsWith(".zip")) return "application/zip";
  if (fileName.endsWith(".json")) return "application/json";
  if (fileName.endsWith(".js")) return "text/javascript;charset=utf-8";
  return "text/plain;charset=utf-8"; // .ts and .d.ts: not video/mp2t, whatever the system's table says
}

/**
 * Hands bytes or text to the browser as a download named `fileName`: a Blob, an object URL, a
 * click on a detached `<a download>`. The URL is revoked a while later rather than at once,
 * since some browsers read the Blob after the click has returned.
 */
export function downloadFile(fileName: string, contents: string | Uint8Array): void {
  const blob = new Blob([contents as BlobPart], { type: mediaTypeOf(fileName) });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}
