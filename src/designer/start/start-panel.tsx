import { useId } from "react";
import { replaceDesign } from "../../model/index.ts";
import { importSchema } from "../../schema/import.ts";
import { focusRow } from "../canvas/focus-row.ts";
import { ImportFileButton } from "../import/schema-import.tsx";
import { DESIGN_TEMPLATES, type DesignTemplate } from "../storage/design-templates.ts";
import type { DesignerState, DesignerStore } from "../store/designer-store.ts";
import type { IconComponent } from "../ui/icon.tsx";
import {
  AppWindow,
  Boxes,
  Braces,
  DatabaseZap,
  FileUp,
  KeyRound,
  Server,
  ShieldCheck,
  ShieldEllipsis,
  ShieldUser,
  Ticket,
  UserRound,
} from "../ui/icons.ts";
import { summaryCaption, summaryText, summaryValues, templateSummary } from "./template-summary.ts";
import "./start-panel.css";

/**
 * Whether the canvas shows the start panel: the design has no fields (so one Undo after choosing a
 * template comes back here; editing the window's title does not send it away), and "Start blank"
 * was not chosen on it.
 */
export function showsStartPanel(state: DesignerState): boolean {
  return !state.startedBlank && (state.editor.doc.root.fields ?? []).length === 0;
}

/** A template's icon, by its id (the palette's block icons); one not listed gets the generic one. */
const TEMPLATE_ICONS: Readonly<Record<string, IconComponent>> = {
  "rest-adapter": Braces,
  "basic-auth": UserRound,
  "api-key": KeyRound,
  "bearer-token": Ticket,
  oauth1: ShieldCheck,
  "oauth2-authorization-code": ShieldUser,
  "oauth2-client-credentials": ShieldEllipsis,
  "database-connection-string": DatabaseZap,
  sftp: Server,
};

/**
 * Where an empty design starts (on the canvas, in place of its empty list): the templates of
 * schemas/ as cards, each with the authentication it offers; "Import a schema…"; "Start blank".
 * A card makes the design the template's window through the core's replaceDesign, as one undo
 * step that autosave and the preview see like any other.
 */
export function StartPanel({
  store,
  onTemplateChosen,
}: {
  store: DesignerStore;
  /** After a card made the design: the page names the stored design after the template. */
  onTemplateChosen?: ((template: DesignTemplate) => void) | undefined;
}) {
  const id = useId();
  const choose = (template: DesignTemplate) => {
    const refused = store.run((doc) =>
      replaceDesign(doc, importSchema(template.schema), `Start from the ${template.name} template`),
    );
    if (refused === undefined) onTemplateChosen?.(template);
    // The panel is gone: the focus goes on to the design's first row.
    const first = store.doc.root.fields?.[0];
    if (refused === undefined && first) focusRow(first.id);
  };
  const startBlank = () => {
    store.startBlank();
    // The empty canvas says to add a field from the palette: the focus goes there.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('nav[aria-label="Palette"] [data-item]')?.focus(),
    );
  };
  return (
    <section className="cd-start" aria-labelledby={`${id}-title`}>
      <div className="cd-start-head">
        <div className="cd-start-intro">
          <h2 id={`${id}-title`}>Start a design</h2>
          <p>Begin from a template and change anything in it, or bring your own schema.</p>
        </div>
        <div className="cd-start-actions">
          <ImportFileButton
            store={store}
            className="cd-start-action"
            inputLabel="Schema file to start from"
          >
            <FileUp size={16} />
            Import a schema…
          </ImportFileButton>
          <button type="button" className="cd-start-action" onClick={startBlank}>
            <AppWindow size={16} />
            Start blank
          </button>
        </div>
      </div>
      <h3 id={`${id}-templates`} className="cd-start-caption">
        Templates
      </h3>
      <ul role="list" className="cd-start-cards" aria-labelledby={`${id}-templates`}>
        {DESIGN_TEMPLATES.map((template) => (
          <TemplateCard
            key={template.id}
            template={template}
            id={`${id}-${template.id}`}
            onChoose={choose}
          />
        ))}
      </ul>
    </section>
  );
}

/**
 * A template as a card: its name is the button (stretched over the whole card, so that the card is
 * what one clicks) and the authentication it offers is the button's description. The text beside
 * the name is outside the button, so that the button's name is all the text it shows.
 */
function TemplateCard({
  template,
  id,
  onChoose,
}: {
  template: DesignTemplate;
  id: string;
  onChoose: (template: DesignTemplate) => void;
}) {
  const summary = templateSummary(template.schema);
  const Icon = TEMPLATE_ICONS[template.id] ?? Boxes;
  return (
    <li className="cd-start-card">
      <span className="cd-start-card-icon">
        <Icon size={20} strokeWidth={1.75} />
      </span>
      <span className="cd-start-card-text">
        <button
          type="button"
          className="cd-start-card-button"
          aria-describedby={`${id}-auth`}
          // The whole summary, where the card shows it cut short (the button covers the card).
          title={summaryText(summary)}
          onClick={() => onChoose(template)}
        >
          {template.name}
        </button>
        {/* Read out whole as the description; shown in at most two lines. */}
        <span id={`${id}-auth`} className="cd-visually-hidden">
          {summaryText(summary)}
        </span>
        <span className="cd-start-card-auth" aria-hidden="true">
          <span className="cd-start-card-caption">{summaryCaption(summary)}</span>{" "}
          {summaryValues(summary).join(" · ")}
        </span>
      </span>
    </li>
  );
}
