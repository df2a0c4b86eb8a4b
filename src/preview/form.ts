import { createElement, useId, useLayoutEffect, useRef } from "react";
import { type FormHost, hostForm } from "./form-host.ts";
import type { CredentialFormProps } from "./types.ts";

/**
 * The credential window of a connector as a form: one control per field of a draft-07 object
 * schema, errors in words, secrets kept out of the DOM's attributes and text.
 *
 * React only hosts the form: it is built and updated as plain DOM by form-host.ts (which
 * <credential-form> uses too), from a store outside React, so a keystroke re-renders nothing.
 */
export function CredentialForm(props: CredentialFormProps) {
  const uid = useId();
  const host = useRef<HTMLDivElement>(null);
  const form = useRef<FormHost>(undefined);
  // Every render hands the props over; the host changes only what changed.
  useLayoutEffect(() => {
    (form.current ??= hostForm(host.current!)).render({
      ...props,
      disabled: props.disabled ?? false,
      prefix: `${props.idPrefix ?? `cd${uid.replace(/[^\w-]/g, "")}`}-`,
    });
  });
  // (The host keeps the form's state, so that a remount, as StrictMode makes, shows it again.)
  useLayoutEffect(() => () => form.current?.remove(), []);

  // (createElement, not JSX: the entry then needs no react/jsx-runtime import)
  return createElement("div", { ref: host, className: "cd-form" });
}
