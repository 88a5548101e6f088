/**
 * The visit draft on the 督学's phone: kept in local storage on every change, so that a reload or a lost
 * connection loses nothing; sent when the 督学 submits (the server records a resent draft once, by its key).
 */
import type { VisitBody } from "@luoshi/contracts";

const KEY = "luoshi.inspection.visitDraft";

/** A draft: the body as it will be sent. */
export type VisitDraft = VisitBody;

/** The saved draft, or null when there is none (or it cannot be read). */
export function loadDraft(): VisitDraft | null {
  try {
    const text = window.localStorage.getItem(KEY);
    return text === null ? null : (JSON.parse(text) as VisitDraft);
  } catch {
    return null;
  }
}

/** Saves the draft; false when the phone's storage is full (photos are large). */
export function saveDraft(draft: VisitDraft): boolean {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the draft (after it was sent). */
export function clearDraft(): void {
  window.localStorage.removeItem(KEY);
}

/** A new draft key: the server's guard against recording one draft twice. */
export function newDraftKey(): string {
  return crypto.randomUUID();
}
