// Native <dialog> elements as modal dialogs that behave: shown with showModal (the page behind turns
// inert, and Esc closes it, as the browser does for every modal), Tab and Shift+Tab go round inside it
// instead of out to the browser, and focus goes back where it was when it closes. The fitting is CSS
// (.io-dialog in import-export.css): the dialog never exceeds the viewport and scrolls inside.
// Used by the import, export and import-error dialogs. No state; text only through el().
import { el } from "./dom.ts";

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

function focusable(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !element.closest("[hidden]") && element.getClientRects().length > 0,
  );
}

const openers = new WeakMap<HTMLDialogElement, Element | null>();

/** Keeps Tab inside `dialog` while it is open, and focus returns on close; call once, when made. */
export function keepFocusInside(dialog: HTMLDialogElement): HTMLDialogElement {
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Tab") return;
    const stops = focusable(dialog);
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  });
  dialog.addEventListener("close", () => {
    const opener = openers.get(dialog);
    openers.delete(dialog);
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  });
  return dialog;
}

/** Opens `dialog` as a modal, remembering what had focus so that closing gives it back. */
export function openModal(dialog: HTMLDialogElement): void {
  if (dialog.open) return;
  openers.set(dialog, document.activeElement);
  dialog.showModal();
}

/** The row of buttons at a dialog's foot, with its one quiet button that closes it ("Close", "Cancel"…). */
export function dialogActions(dialog: () => HTMLDialogElement, closeText: string): HTMLElement {
  return el(
    "div",
    { class: "io-dialog-actions" },
    el("button", {
      class: "button button-quiet",
      text: closeText,
      attrs: { type: "button" },
      on: { click: () => dialog().close() },
    }),
  );
}
