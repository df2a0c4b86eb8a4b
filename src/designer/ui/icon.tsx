import type { ReactElement } from "react";

export interface IconProps {
  /** Width and height in CSS pixels (the drawing is on lucide's 24-unit grid). */
  size?: number;
  /** In grid units, as lucide's `strokeWidth` (2 by default). */
  strokeWidth?: number;
  className?: string;
}

export type IconComponent = (props: IconProps) => ReactElement;

/**
 * Draws an icon by one path (icons.ts holds lucide's shapes as paths, written by
 * scripts/generate-icons.ts). Always decorative: hidden from assistive technology and from the
 * Tab order, since every control that shows one names itself in words. `filled`: the shapes
 * lucide fills with the text colour (a key's dot), stroked as well, as lucide draws them. Colour,
 * caps and joins come from CSS (`.cd-svg-icon` in controls.css); the stroke width is an
 * attribute, as it varies by use.
 */
export function drawIcon(
  d: string,
  { size = 24, strokeWidth = 2, className }: IconProps,
  filled?: string,
): ReactElement {
  return (
    <svg
      className={className ? `cd-svg-icon ${className}` : "cd-svg-icon"}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      strokeWidth={strokeWidth}
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
      {filled && <path d={filled} fill="currentColor" />}
    </svg>
  );
}
