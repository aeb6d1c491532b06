/**
 * Loads the phone layout's modal parts (phone-modal.ts) once. The panel asks for them up front on
 * a phone-sized screen, so they are there when it first opens; `phoneModal()` says whether they are.
 */
type PhoneModal = typeof import('./phone-modal.ts');

let loaded: PhoneModal | undefined;
let pending: Promise<PhoneModal> | undefined;

/** Starts (or joins) the load; a failed load is forgotten, so the next call retries. */
export function loadPhoneModal(): Promise<PhoneModal> {
  pending ??= import('./phone-modal.ts').then((m) => (loaded = m), (error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

/** The parts, once loaded. */
export function phoneModal(): PhoneModal | undefined {
  return loaded;
}
