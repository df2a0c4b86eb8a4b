import { useState } from "react";
import { createRoot } from "react-dom/client";

/**
 * The reference for the designer's first click: a blank React page, built the same way, with one
 * button named as the palette's first item. A click adds a row (`.cd-row`), as the palette's does.
 */
function Blank() {
  const [rows, setRows] = useState(0);
  return (
    <main>
      <button type="button" aria-label="Add Text field" onClick={() => setRows(rows + 1)}>
        Text
      </button>
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={index} className="cd-row" />
      ))}
    </main>
  );
}

createRoot(document.getElementById("root")!).render(<Blank />);
