import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import { X } from "./icons.ts";
import "./toasts.css";

/**
 * A transient message: "status" is read politely and leaves by itself; "error" is an alert that
 * stays until dismissed, with what went wrong and how to fix it in its lines.
 */
export interface Toast {
  readonly id: number;
  readonly kind: "status" | "error";
  readonly title: string;
  readonly lines?: readonly string[];
  /** What the toast is about ("export", "import"): a newer toast on it replaces this one. */
  readonly topic?: string;
}

/** How long a status toast stays; errors stay until dismissed. */
const STATUS_MS = 5000;

/** The page's toasts, outside React so any feature can post one; newest last. */
export class ToastCenter {
  private toasts: readonly Toast[] = [];
  private next = 1;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly list = () => this.toasts;

  /**
   * Shows a toast. It replaces one with the same title (no pile of repeats) and one on the same
   * topic (an export that worked takes the place of the failure before it).
   */
  show(toast: Omit<Toast, "id">): number {
    const id = this.next++;
    const replaced = (other: Toast) =>
      other.title === toast.title || (toast.topic !== undefined && other.topic === toast.topic);
    this.set([...this.toasts.filter((other) => !replaced(other)), { ...toast, id }]);
    return id;
  }

  dismiss(id: number): void {
    if (this.toasts.some((toast) => toast.id === id))
      this.set(this.toasts.filter((toast) => toast.id !== id));
  }

  private set(toasts: readonly Toast[]): void {
    this.toasts = toasts;
    for (const listener of this.listeners) listener();
  }
}

const ToastContext = createContext<ToastCenter | undefined>(undefined);
export const ToastProvider = ToastContext.Provider;

/** The page's toast center; a component outside the shell (a test) gets one of its own. */
export function useToasts(): ToastCenter {
  const center = useContext(ToastContext);
  if (center) return center;
  fallback ??= new ToastCenter();
  return fallback;
}
let fallback: ToastCenter | undefined;

/**
 * Where toasts appear: over the page's bottom right corner, never moving the layout. The two
 * live regions are always in the page (a region added with its text is not read out).
 */
export function Toasts({ center }: { center: ToastCenter }) {
  const toasts = useSyncExternalStore(center.subscribe, center.list, center.list);
  return (
    <section className="cd-toasts" aria-label="Notifications">
      <div role="status" className="cd-toast-stack">
        {toasts
          .filter((toast) => toast.kind === "status")
          .map((toast) => (
            <ToastCard key={toast.id} toast={toast} center={center} />
          ))}
      </div>
      <div role="alert" className="cd-toast-stack">
        {toasts
          .filter((toast) => toast.kind === "error")
          .map((toast) => (
            <ToastCard key={toast.id} toast={toast} center={center} />
          ))}
      </div>
    </section>
  );
}

function ToastCard({ toast, center }: { toast: Toast; center: ToastCenter }) {
  useEffect(() => {
    if (toast.kind !== "status") return;
    const timer = setTimeout(() => center.dismiss(toast.id), STATUS_MS);
    return () => clearTimeout(timer);
  }, [toast, center]);
  return (
    <div className={`cd-toast cd-toast-${toast.kind}`}>
      <div className="cd-toast-text">
        <p className="cd-toast-title">{toast.title}</p>
        {toast.lines?.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <button
        type="button"
        className="cd-icon"
        aria-label={`Dismiss: ${toast.title}`}
        title="Dismiss"
        onClick={() => center.dismiss(toast.id)}
      >
        <X size={16} />
      </button>
    </div>
  );
}
