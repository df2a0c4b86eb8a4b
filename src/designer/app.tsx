import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Canvas } from "./canvas/canvas.tsx";
import { DesignerDnd } from "./dnd/designer-dnd.tsx";
import { editsText } from "./edits-text.ts";
import { Header } from "./header.tsx";
import { Inspector } from "./inspector/inspector.tsx";
import { SchemaJsonRegion } from "./json-view/schema-json-region.tsx";
import type { LayoutPrefs } from "./layout/layout-prefs.ts";
import { applyTheme, LayoutStore, useLayout } from "./layout/layout-store.ts";
import { SidePanel } from "./layout/panel.tsx";
import { Separator } from "./layout/separator.tsx";
import { shellColumns } from "./layout/shell-columns.ts";
import { Tabs } from "./layout/tabs.tsx";
import { type LayoutMode, useLayoutMode } from "./layout/use-layout-mode.ts";
import { Palette } from "./palette/palette.tsx";
import { PreviewPane } from "./preview-pane.tsx";
import { InspectorProblems } from "./problems/inspector-problems.ts";
import { ProblemsList } from "./problems/problems-list.tsx";
import { CanvasProblems } from "./problems/use-problems-by-node.ts";
import { SkipLinks } from "./skip-links.tsx";
import { StartPanel, showsStartPanel } from "./start/start-panel.tsx";
import type { Autosave } from "./storage/autosave.ts";
import { nameAfterTemplate } from "./storage/design-actions.ts";
import { pageStorage } from "./storage/page-storage.ts";
import type { DesignerStore } from "./store/designer-store.ts";
import { historyKey } from "./store/history-keys.ts";
import { useDesigner } from "./store/use-designer.ts";
import { Braces, ListTree } from "./ui/icons.ts";
import { PanelBoundary } from "./ui/panel-boundary.tsx";
import { ToastCenter, ToastProvider, Toasts } from "./ui/toasts.tsx";
import { UnopenedDesignNotice } from "./unopened-design.tsx";

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo; inside a text control the browser's own
 * undo applies, except in the Schema JSON editor, which runs these same keys on the design itself.
 */
function useUndoShortcuts(store: DesignerStore) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = editsText(event.target) ? undefined : historyKey(event);
      if (action === undefined) return;
      if (action === "undo") store.undo();
      else store.redo();
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);
}

/**
 * The designer page: a fixed header over panels that each scroll on their own. Wide windows show
 * the palette, the canvas (with Problems under it), the inspector and the preview side by side,
 * with separators to resize them and buttons to hide them; medium windows fold the palette into
 * an icon rail and put the inspector and the preview in one column of tabs; narrow ones show one
 * column of tabs. Every panel stays mounted whatever is shown, so nothing typed is lost.
 * Components render the store's state and call core commands through it; the rules live in
 * src/model.
 */
export function DesignerApp({
  store,
  autosave,
  layout: givenLayout,
}: {
  store: DesignerStore;
  /** Keeps the design in the browser; without it, nothing is stored. */
  autosave?: Autosave;
  /** The page's layout and theme; by default remembered in this browser's localStorage. */
  layout?: LayoutStore;
}) {
  const [layout] = useState(() => givenLayout ?? new LayoutStore(pageStorage()));
  const [toasts] = useState(() => new ToastCenter());
  useStoredAtStartToasts(autosave, toasts);
  const mode = useLayoutMode();
  const prefs = useLayout(layout, (all) => all);
  useUndoShortcuts(store);
  // Before the frame is drawn, so a chosen theme never flashes the system one first.
  useLayoutEffect(() => applyTheme(prefs.theme), [prefs.theme]);
  const windowWidth = useWindowWidth();
  const inspectorBody = useRef<HTMLDivElement>(null);

  const problemsRegion = useRef<HTMLElement>(null);
  const showProblems = useCallback(() => {
    layout.setCollapsed("problems", false);
    layout.set("narrowTab", "design");
    requestAnimationFrame(() => problemsRegion.current?.focus());
  }, [layout]);

  const wide = mode === "wide";
  const { palette, inspector, preview, side } = prefs.panels;
  const railed = !wide || palette.collapsed;
  const { columns, sizes: fitted } = shellColumns(mode, prefs, windowWidth);

  const sideShown = (panel: "inspector" | "preview") =>
    wide || (mode === "medium" ? prefs.sideTab === panel : prefs.narrowTab === panel);
  const centerShown = mode !== "narrow" || prefs.narrowTab === "design";
  // In a medium or narrow window the tabs that switch panels sit at the top of each panel they
  // switch (only the shown one is in the page), so that every control is inside a landmark.
  const switcher = mode === "wide" ? null : <PanelTabs mode={mode} prefs={prefs} layout={layout} />;
  const sideSeparator = (panel: "inspector" | "preview") =>
    wide ? (
      <Separator
        layout={layout}
        panel={panel}
        label={`Resize ${panel === "inspector" ? "Inspector" : "Preview"}`}
        controls={`panel-${panel}`}
        size={fitted[panel] ?? prefs.panels[panel].size}
        collapsed={prefs.panels[panel].collapsed}
        orientation="vertical"
        grows="backward"
      />
    ) : mode === "medium" ? (
      <Separator
        layout={layout}
        panel="side"
        label="Resize Inspector and Preview"
        controls={`panel-${panel}`}
        size={fitted.side ?? side.size}
        collapsed={false}
        collapsible={false}
        orientation="vertical"
        grows="backward"
      />
    ) : null;

  return (
    <ToastProvider value={toasts}>
      <div className="designer" data-layout={mode}>
        <SkipLinks layout={layout} mode={mode} />
        <Header
          store={store}
          autosave={autosave}
          layout={layout}
          mode={mode}
          onShowProblems={showProblems}
        />
        {autosave && <UnopenedDesignNotice autosave={autosave} />}
        <DesignerDnd store={store}>
          <div className="designer-body" style={{ gridTemplateColumns: columns }}>
            <nav
              id="panel-palette"
              aria-label="Palette"
              className="cd-panel designer-palette"
              data-rail={railed || undefined}
            >
              {wide && (
                <PaletteToggle
                  collapsed={palette.collapsed}
                  onChange={(collapsed) => layout.setCollapsed("palette", collapsed)}
                />
              )}
              <div className="cd-panel-body">
                <PanelBoundary panel="Palette">
                  <Palette store={store} rail={railed} />
                </PanelBoundary>
              </div>
              {wide && !railed && (
                <Separator
                  layout={layout}
                  panel="palette"
                  label="Resize Palette"
                  controls="panel-palette"
                  size={fitted.palette ?? palette.size}
                  collapsed={palette.collapsed}
                  orientation="vertical"
                  grows="forward"
                />
              )}
            </nav>
            <main
              id="panel-design"
              aria-label="Canvas"
              className="designer-center"
              hidden={!centerShown}
            >
              {mode === "narrow" && switcher}
              <CenterColumn
                store={store}
                autosave={autosave}
                layout={layout}
                prefs={prefs}
                problemsRegion={problemsRegion}
              />
            </main>
            <SidePanel
              as="aside"
              id="panel-inspector"
              label="Inspector"
              side="right"
              className="designer-inspector"
              collapsed={inspector.collapsed}
              hideable={wide}
              hidden={!sideShown("inspector")}
              bodyRef={inspectorBody}
              before={
                <>
                  {sideSeparator("inspector")}
                  {switcher}
                </>
              }
              onCollapsedChange={(collapsed) => layout.setCollapsed("inspector", collapsed)}
            >
              <PanelBoundary panel="Inspector">
                <InspectorProblems store={store}>
                  <Inspector store={store} />
                </InspectorProblems>
              </PanelBoundary>
            </SidePanel>
            <SidePanel
              as="section"
              id="panel-preview"
              label="Preview"
              side="right"
              className="designer-preview"
              collapsed={preview.collapsed}
              hideable={wide}
              hidden={!sideShown("preview")}
              before={
                <>
                  {sideSeparator("preview")}
                  {switcher}
                </>
              }
              onCollapsedChange={(collapsed) => layout.setCollapsed("preview", collapsed)}
            >
              <PanelBoundary panel="Preview">
                <PreviewPane store={store} />
              </PanelBoundary>
            </SidePanel>
          </div>
        </DesignerDnd>
        <Toasts center={toasts} />
        <SelectionFollows store={store} layout={layout} mode={mode} inspectorBody={inspectorBody} />
      </div>
    </ToastProvider>
  );
}

/** The canvas column: Design | JSON over the canvas or the schema's JSON, Problems under them. */
function CenterColumn({
  store,
  autosave,
  layout,
  prefs,
  problemsRegion,
}: {
  store: DesignerStore;
  autosave: Autosave | undefined;
  layout: LayoutStore;
  prefs: LayoutPrefs;
  problemsRegion: RefObject<HTMLElement | null>;
}) {
  const view = prefs.canvasView;
  const problems = prefs.panels.problems;
  const startShown = useDesigner(store, showsStartPanel);
  return (
    <>
      <div className="designer-center-bar">
        <Tabs
          label="Canvas view"
          selected={view}
          onSelect={(value) => layout.set("canvasView", value)}
          tabs={[
            {
              value: "design",
              controls: "panel-canvas",
              label: (
                <>
                  <ListTree size={16} /> Design
                </>
              ),
            },
            {
              value: "json",
              controls: "panel-json",
              label: (
                <>
                  <Braces size={16} /> JSON
                </>
              ),
            },
          ]}
        />
      </div>
      <div id="panel-canvas" className="designer-canvas" hidden={view !== "design"}>
        <PanelBoundary panel="Canvas">
          <CanvasProblems store={store}>
            <Canvas
              store={store}
              start={
                startShown ? (
                  <StartPanel
                    store={store}
                    onTemplateChosen={
                      autosave &&
                      ((template) =>
                        // A name is a convenience: if storage refuses, the design keeps its name
                        // and the status line already says what storage did.
                        void nameAfterTemplate(autosave, template).catch(() => undefined))
                    }
                  />
                ) : undefined
              }
            />
          </CanvasProblems>
        </PanelBoundary>
      </div>
      <section
        id="panel-json"
        aria-label="Schema JSON"
        className="designer-json"
        hidden={view !== "json"}
      >
        <PanelBoundary panel="Schema JSON">
          <SchemaJsonRegion store={store} open={view === "json"} />
        </PanelBoundary>
      </section>
      <section
        ref={problemsRegion}
        id="panel-problems"
        aria-label="Problems"
        tabIndex={-1}
        className="cd-panel designer-problems"
        data-collapsed={problems.collapsed || undefined}
        style={problems.collapsed ? undefined : { height: problems.size }}
      >
        {!problems.collapsed && (
          <Separator
            layout={layout}
            panel="problems"
            label="Resize Problems"
            controls="panel-problems"
            size={problems.size}
            collapsed={false}
            orientation="horizontal"
            grows="backward"
          />
        )}
        <button
          type="button"
          className="cd-icon cd-panel-hide"
          aria-expanded={!problems.collapsed}
          aria-controls="panel-problems-body"
          aria-label={problems.collapsed ? "Show Problems" : "Hide Problems"}
          title={problems.collapsed ? "Show the problems" : "Hide the problems"}
          onClick={() => layout.setCollapsed("problems", !problems.collapsed)}
        >
          <ChevronIcon up={problems.collapsed} />
        </button>
        <div id="panel-problems-body" className="cd-panel-body">
          <PanelBoundary panel="Problems">
            <ProblemsList store={store} onShowSchemaJson={() => layout.set("canvasView", "json")} />
          </PanelBoundary>
        </div>
      </section>
    </>
  );
}

function ChevronIcon({ up }: { up: boolean }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={up ? "m18 15-6-6-6 6" : "m6 9 6 6 6-6"} />
    </svg>
  );
}

/** The palette's own hide/show button in a wide window: hidden, it is an icon rail. */
function PaletteToggle({
  collapsed,
  onChange,
}: {
  collapsed: boolean;
  onChange: (collapsed: boolean) => void;
}) {
  return (
    <button
      type="button"
      className="cd-icon cd-panel-hide"
      aria-expanded={!collapsed}
      aria-controls="panel-palette"
      aria-label={collapsed ? "Show Palette names" : "Fold Palette to icons"}
      title={collapsed ? "Show the palette with names" : "Fold the palette to a rail of icons"}
      onClick={() => onChange(!collapsed)}
    >
      <ChevronIcon up={false} />
    </button>
  );
}

/** The tabs that choose what a medium or narrow window shows. */
function PanelTabs({
  mode,
  prefs,
  layout,
}: {
  mode: LayoutMode;
  prefs: LayoutPrefs;
  layout: LayoutStore;
}) {
  if (mode === "medium")
    return (
      <Tabs
        className="designer-panel-tabs"
        label="Side panel"
        selected={prefs.sideTab}
        onSelect={(value) => layout.set("sideTab", value)}
        tabs={[
          { value: "inspector", label: "Inspector", controls: "panel-inspector" },
          { value: "preview", label: "Preview", controls: "panel-preview" },
        ]}
      />
    );
  return (
    <Tabs
      className="designer-panel-tabs"
      label="Panels"
      selected={prefs.narrowTab}
      onSelect={(value) => layout.set("narrowTab", value)}
      tabs={[
        { value: "design", label: "Canvas", controls: "panel-design" },
        { value: "inspector", label: "Inspector", controls: "panel-inspector" },
        { value: "preview", label: "Preview", controls: "panel-preview" },
      ]}
    />
  );
}

function useWindowWidth(): number {
  const [width, setWidth] = useState(() => (typeof window === "undefined" ? 1440 : innerWidth));
  useEffect(() => {
    const onResize = () => setWidth(innerWidth);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return width;
}

/**
 * A new selection shows its row whole and its properties: the inspector scrolls back to its top
 * and, in a medium window, its tab comes to the front (in a narrow one the canvas stays: the user
 * switches). A component of its own, rendering nothing, so that a new selection re-renders it and
 * not the whole shell.
 */
function SelectionFollows({
  store,
  layout,
  mode,
  inspectorBody,
}: {
  store: DesignerStore;
  layout: LayoutStore;
  mode: LayoutMode;
  inspectorBody: RefObject<HTMLDivElement | null>;
}): null {
  const selected = useDesigner(store, (state) => state.selected);
  const shown = useRef(selected);
  // A layout effect: it runs with the render that selected, on React and on Preact alike (whose
  // plain effects wait for a frame), so the row is shown in the very next frame.
  useLayoutEffect(() => {
    if (shown.current === selected) return;
    shown.current = selected;
    if (mode === "medium") layout.set("sideTab", "inspector");
    // In the next frame, when the page is laid out for it anyway: scrolling now would force a
    // layout inside the click that selected (a click on the palette adds and selects).
    const frame = requestAnimationFrame(() => {
      if (inspectorBody.current) inspectorBody.current.scrollTop = 0;
      // The selected row is shown whole (a click on its visible half, a problem chosen elsewhere).
      if (selected !== undefined)
        document
          .querySelector(`li[data-node="${CSS.escape(selected)}"] > .cd-row`)
          ?.scrollIntoView({ block: "nearest" });
    });
    return () => cancelAnimationFrame(frame);
  }, [selected, mode, layout, inspectorBody]);
  return null;
}

/**
 * Says where the changes an earlier page left unsaved went when they could not go onto their
 * design (another tab saved or deleted it meanwhile): into a copy, named, so neither is lost.
 */
function useStoredAtStartToasts(autosave: Autosave | undefined, toasts: ToastCenter): void {
  useEffect(() => {
    for (const stored of autosave?.getState().storedAtStart ?? []) {
      if (stored.kind !== "copied") continue;
      toasts.show({
        kind: "status",
        title: `Your last changes to "${stored.of}" are in "${stored.name}".`,
        lines: [
          "The page went before they were stored, and the design was changed in another tab meanwhile: both versions are kept (Designs).",
        ],
      });
    }
  }, [autosave, toasts]);
}
