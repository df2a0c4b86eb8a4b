import { useEffect, useRef, useState } from "react";

/** Whether a drag carries files from outside the page (the canvas's own drags carry none). */
const carriesFiles = (event: DragEvent) =>
  Array.from(event.dataTransfer?.types ?? []).includes("Files");

/**
 * Files dropped anywhere on the page go to `onDrop`; returns whether files are being dragged over
 * it (to show where they will go). Listens on the window in the capture phase, so that a file
 * dropped on a text box or on the JSON editor is imported rather than pasted as text, and the
 * browser never opens the file in place of the page. Drags that carry no files (the canvas's
 * pointer drags, text dragged within the page) are left alone.
 */
export function usePageFileDrop(onDrop: (files: readonly File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef(onDrop);
  latest.current = onDrop;
  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the drag left the page.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // allows the drop
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onDropEvent = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      setDragging(false);
      latest.current(Array.from(event.dataTransfer?.files ?? []));
    };
    const options = { capture: true };
    window.addEventListener("dragenter", onEnter, options);
    window.addEventListener("dragleave", onLeave, options);
    window.addEventListener("dragover", onOver, options);
    window.addEventListener("drop", onDropEvent, options);
    return () => {
      window.removeEventListener("dragenter", onEnter, options);
      window.removeEventListener("dragleave", onLeave, options);
      window.removeEventListener("dragover", onOver, options);
      window.removeEventListener("drop", onDropEvent, options);
    };
  }, []);
  return dragging;
}
