import { createContext, type ReactNode, useContext, useId, useState } from "react";
import type { Finding } from "../../check/types.ts";
import { CircleAlert, TriangleAlert } from "../ui/icons.ts";
import type { FindingPlace, NodeFinding } from "./finding-places.ts";

/**
 * The design check's findings in the inspector, next to the control each concerns (placed by
 * ./finding-places.ts). The check runs elsewhere: the shell gives the inspector the findings of
 * the whole design through {@link InspectorFindingsContext}; without it, none are shown.
 */

const NONE: readonly NodeFinding[] = [];

/** Every finding of the design, with the node whose row shows it. */
export const InspectorFindingsContext = createContext<readonly NodeFinding[]>(NONE);

/** The selected node's findings by place, and how a fix is applied. */
export interface FieldFindings {
  readonly places: ReadonlyMap<FindingPlace, readonly Finding[]>;
  /**
   * Applies the finding's mechanical fix as one undo step; returns why not. `focusId` is the
   * control to focus afterwards (the finding and its button are gone then).
   */
  readonly fix: (finding: Finding, focusId: string | undefined) => string | undefined;
}

export const FieldFindingsContext = createContext<FieldFindings | undefined>(undefined);

const SEVERITY = {
  error: { word: "Error", Icon: CircleAlert },
  warning: { word: "Warning", Icon: TriangleAlert },
} as const;

/**
 * The findings at `place`, rendered under the control whose id is `controlId`: what the control
 * adds to its `aria-describedby`, whether one is an error (the control is then `aria-invalid`),
 * and the notes themselves.
 */
export function usePlacedFindings(
  place: FindingPlace | undefined,
  controlId: string | undefined,
): { describedBy: string[]; invalid: boolean; notes: ReactNode } {
  const context = useContext(FieldFindingsContext);
  const id = useId();
  const findings = (place && context?.places.get(place)) || [];
  if (!context || findings.length === 0) return { describedBy: [], invalid: false, notes: null };
  return {
    describedBy: findings.flatMap((_, i) => [`${id}-${i}-message`, `${id}-${i}-fix`]),
    invalid: findings.some((finding) => finding.severity === "error"),
    notes: findings.map((finding, i) => (
      <FindingNote
        // biome-ignore lint/suspicious/noArrayIndexKey: a finding has no identity but its place in the check's result
        key={i}
        id={`${id}-${i}`}
        finding={finding}
        fix={(found) => context.fix(found, controlId)}
      />
    )),
  };
}

/**
 * One finding: its severity in words and by icon and colour, what is wrong, what to do, and the
 * fix as a button when it takes no judgement. The button's refusal (the design changed meanwhile)
 * shows under it.
 */
function FindingNote({
  id,
  finding,
  fix,
}: {
  id: string;
  finding: Finding;
  fix: (finding: Finding) => string | undefined;
}) {
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const { word, Icon } = SEVERITY[finding.severity];
  return (
    <div className={`inspector-finding inspector-finding-${finding.severity}`}>
      <Icon className="inspector-finding-icon" size={16} />
      <p id={`${id}-message`} className="inspector-finding-message">
        <span className="inspector-finding-severity">{word}:</span> {finding.message}.
      </p>
      <p id={`${id}-fix`} className="inspector-finding-fix">
        Fix: {finding.fix}.
      </p>
      {finding.autofix ? (
        <button
          type="button"
          className="inspector-finding-button"
          aria-describedby={[`${id}-message`, refused ? `${id}-refused` : ""].join(" ").trim()}
          onClick={() => setRefused(fix(finding))}
        >
          {finding.autofix.label}
        </button>
      ) : null}
      {refused ? (
        <p id={`${id}-refused`} className="inspector-error" role="alert">
          {refused}
        </p>
      ) : null}
    </div>
  );
}

/** The findings that concern no single control, at the top of the properties. */
export function TopFindings() {
  const { notes } = usePlacedFindings("top", undefined);
  return notes ? <div className="inspector-findings">{notes}</div> : null;
}
