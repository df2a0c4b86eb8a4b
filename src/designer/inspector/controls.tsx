import { type KeyboardEvent, type ReactElement, useId, useState } from "react";
import { usePlacedFindings } from "./finding-notes.tsx";
import type { FindingPlace } from "./finding-places.ts";

/**
 * The inspector's labelled controls. A control shows the document's value; what the user types
 * stays a draft until it is committed (blur or Enter; a checkbox or a select on change), so one
 * committed edit is one undo step. `onCommit` returns why the edit was refused, shown next to the
 * control (aria-invalid + aria-describedby) while the typed text stays for the user to fix. The
 * design check's findings about the control (`concerns`) show under it the same way.
 */
export type Commit<T> = (value: T) => string | undefined;

interface Described {
  /** A short explanation under the control. */
  hint?: string | ReactElement;
  /** The place of the design check's findings shown under the control (see finding-places.ts). */
  concerns?: FindingPlace;
}

/**
 * The ids and attributes that tie a control to its hint, its error and the findings about it:
 * `found` says whether findings show (before the error is known: a text box's own check of its
 * committed value gives way to them), `describe(error)` gives the rest.
 */
function useDescription(
  hint: string | ReactElement | undefined,
  concerns: FindingPlace | undefined,
) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const findings = usePlacedFindings(concerns, id);
  const describe = (error: string | undefined) => ({
    // An error-severity finding marks the control invalid, as a refused edit does.
    invalid: error !== undefined || findings.invalid ? true : undefined,
    describedBy:
      [error ? errorId : undefined, ...findings.describedBy, hint ? hintId : undefined]
        .filter(Boolean)
        .join(" ") || undefined,
    extra: (
      <>
        {error ? (
          <p id={errorId} className="inspector-error">
            {error}
          </p>
        ) : null}
        {findings.notes}
        {hint ? (
          <p id={hintId} className="inspector-hint">
            {hint}
          </p>
        ) : null}
      </>
    ),
  });
  return { id, found: findings.notes !== null, describe };
}

interface Draft {
  text: string;
  /** The committed value the draft was typed over; when it changes (undo), the draft is dropped. */
  base: string;
}

export interface TextControlProps extends Described {
  label: string;
  /** The committed value, as text. */
  value: string;
  /** May answer later (a promise): the draft stays open until it does. */
  onCommit: (value: string) => string | undefined | Promise<string | undefined>;
  /** Checked as the user types (e.g. a pattern's safety); shown at once, and the commit is refused. */
  check?: (text: string) => string | undefined;
  /** A hint for the text being typed (e.g. the key a title gives); the `hint` when it says none. */
  draftHint?: (text: string) => string | undefined;
  multiline?: boolean;
  inputMode?: "text" | "decimal" | "numeric" | undefined;
  placeholder?: string;
  spellCheck?: boolean;
}

export function TextControl({
  label,
  value,
  onCommit,
  check,
  multiline,
  inputMode,
  placeholder,
  spellCheck,
  hint,
  draftHint,
  concerns,
}: TextControlProps) {
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // The value changed from elsewhere (undo, another edit) while a draft was open: show the new value.
  if (draft && draft.base !== value) {
    setDraft(undefined);
    setError(undefined);
  }
  const open = draft !== undefined && draft.base === value;
  // `error` is the last commit's refusal; `check` runs on what is shown at each render, so a draft
  // is checked again when `check` changes (a checker that loads on demand arrived), and with no
  // draft open the committed value is checked too (e.g. an unsafe pattern imported as is), unless
  // the design check's findings about it show already (they say the same, with their fix).
  const text = open ? draft.text : value;
  // While a title is typed, its hint says the key it will give (keys follow titles).
  const { id, found, describe } = useDescription((open && draftHint?.(text)) || hint, concerns);
  const shown = open
    ? (error ?? check?.(draft.text))
    : (error ?? (value === "" || found ? undefined : check?.(value)));
  const { invalid, describedBy, extra } = describe(shown);

  const change = (next: string) => {
    setDraft({ text: next, base: value });
    setError(undefined);
  };
  const commit = () => {
    if (!draft) return;
    if (draft.text === value) {
      setDraft(undefined);
      setError(undefined);
      return;
    }
    const problem = check?.(draft.text);
    const answer = problem ?? onCommit(draft.text);
    const settle = (reason: string | undefined) => {
      setError(reason);
      if (reason === undefined) setDraft((current) => (current === draft ? undefined : current));
    };
    if (typeof answer === "object") void answer.then(settle);
    else settle(answer);
  };
  const revert = () => {
    setDraft(undefined);
    setError(undefined);
  };
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && draft) {
      event.preventDefault();
      revert();
    } else if (event.key === "Enter" && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };
  const common = {
    id,
    value: text,
    "aria-invalid": invalid,
    "aria-describedby": describedBy,
    onBlur: commit,
    onKeyDown: keyDown,
    placeholder,
    spellCheck,
  };
  return (
    <div className="inspector-control">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => change(event.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={inputMode}
          onChange={(event) => change(event.target.value)}
        />
      )}
      {extra}
    </div>
  );
}

export interface CheckboxControlProps extends Described {
  label: string;
  checked: boolean;
  onCommit: Commit<boolean>;
}

export function CheckboxControl({
  label,
  checked,
  onCommit,
  hint,
  concerns,
}: CheckboxControlProps) {
  const [refused, setRefused] = useState<{ reason: string; base: boolean } | undefined>(undefined);
  const error = refused && refused.base === checked ? refused.reason : undefined;
  const { id, describe } = useDescription(hint, concerns);
  const { invalid, describedBy, extra } = describe(error);
  return (
    <div className="inspector-control inspector-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => {
          const reason = onCommit(event.target.checked);
          setRefused(reason === undefined ? undefined : { reason, base: checked });
        }}
      />
      <label htmlFor={id}>{label}</label>
      {extra}
    </div>
  );
}

export interface SelectControlProps extends Described {
  label: string;
  value: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
  onCommit: Commit<string>;
}

export function SelectControl({
  label,
  value,
  choices,
  onCommit,
  hint,
  concerns,
}: SelectControlProps) {
  const [refused, setRefused] = useState<{ reason: string; base: string } | undefined>(undefined);
  const error = refused && refused.base === value ? refused.reason : undefined;
  const { id, describe } = useDescription(hint, concerns);
  const { invalid, describedBy, extra } = describe(error);
  return (
    <div className="inspector-control">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => {
          const reason = onCommit(event.target.value);
          setRefused(reason === undefined ? undefined : { reason, base: value });
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {extra}
    </div>
  );
}
