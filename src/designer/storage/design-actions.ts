import type { JsonObject } from "../../json/value.ts";
import type { Autosave } from "./autosave.ts";
import { uniqueName } from "./design-names.ts";
import type { DesignLibrary, DesignRecord } from "./design-repository.ts";
import { BLANK_SCHEMA, DESIGN_TEMPLATES, type DesignTemplate } from "./design-templates.ts";

/**
 * What the Designs menu does with the stored designs: free functions over the tab's Autosave, so
 * that opening another design always saves (or refuses to drop) the current one first, and every
 * change is announced to the other tabs.
 */

function libraryOf(autosave: Autosave): DesignLibrary {
  const library = autosave.library;
  if (library) return library;
  const { status } = autosave.getState();
  throw new Error(
    `Designs cannot be listed or opened: ${status.kind === "failed" ? status.message : "storage is not available."}`,
  );
}

async function createAnnounced(
  autosave: Autosave,
  library: DesignLibrary,
  name: string,
  schema: JsonObject,
): Promise<DesignRecord> {
  const record = await library.create(name, schema);
  autosave.announce("created", record.id, record.revision);
  return record;
}

/** Opens a stored design in place of the current one (saved first). */
export async function openDesign(autosave: Autosave, id: string): Promise<void> {
  if (autosave.getState().design?.id === id) return;
  const library = libraryOf(autosave);
  await autosave.prepareToLeave();
  autosave.switchTo(await library.load(id));
}

/** Creates a design, blank or from a template, and opens it (the current one saved first). */
export async function createDesign(autosave: Autosave, template?: DesignTemplate): Promise<void> {
  const library = libraryOf(autosave);
  await autosave.prepareToLeave();
  autosave.switchTo(
    await createAnnounced(
      autosave,
      library,
      template?.name ?? "Untitled",
      template?.schema ?? BLANK_SCHEMA,
    ),
  );
}

/** "Untitled", "Untitled 2", or a name a template gave ("REST API", "REST API 2"): a name nobody typed. */
function isGivenName(name: string): boolean {
  const base = name.replace(/ \d+$/, "");
  return base === "Untitled" || DESIGN_TEMPLATES.some((template) => template.name === base);
}

/**
 * The open design is named after the template it now starts from, as "New from template" names
 * one; unless someone typed its name. Returns the new name, or undefined when it stays.
 */
export async function nameAfterTemplate(
  autosave: Autosave,
  template: DesignTemplate,
): Promise<string | undefined> {
  const design = autosave.getState().design;
  const library = autosave.library;
  if (!design || !library || !isGivenName(design.name)) return undefined;
  const others = (await library.list()).filter((summary) => summary.id !== design.id);
  const name = uniqueName(
    template.name,
    others.map((summary) => summary.name),
  );
  if (name === design.name) return undefined;
  return (await renameDesign(autosave, design.id, name)).name;
}

/** Renames a design; a DesignNameError says why a name cannot be used. */
export async function renameDesign(
  autosave: Autosave,
  id: string,
  name: string,
): Promise<DesignRecord> {
  const record = await libraryOf(autosave).rename(id, name);
  autosave.renamed(record);
  autosave.announce("renamed", record.id, record.revision);
  return record;
}

/** Stores a copy of a design (of the open one: with its latest changes); the current design stays open. */
export async function duplicateDesign(autosave: Autosave, id: string): Promise<DesignRecord> {
  const library = libraryOf(autosave);
  if (autosave.getState().design?.id === id) await autosave.flush();
  const record = await library.duplicate(id);
  autosave.announce("created", record.id, record.revision);
  return record;
}

/** Deletes a design; deleting the open one opens the most recent other design, or a new blank one. */
export async function deleteDesign(autosave: Autosave, id: string): Promise<void> {
  const library = libraryOf(autosave);
  if (autosave.getState().design?.id !== id) {
    await library.delete(id);
    autosave.announce("deleted", id, 0);
    return;
  }
  await autosave.whileNotSaving(async () => {
    await library.delete(id);
    autosave.announce("deleted", id, 0);
    const [next] = await library.list();
    // The most recent other design; a new blank one when there is none, or it cannot be read
    // (then shown as unopened: the deleted design must not stay open).
    const opened = next !== undefined && autosave.switchTo(await library.load(next.id));
    if (!opened)
      autosave.switchTo(await createAnnounced(autosave, library, "Untitled", BLANK_SCHEMA));
  });
}
