/**
 * Loads the phone layout's styles and modal parts (phone-modal.ts) once. The panel asks for them up
 * front on a phone-sized screen, so they are there when it first opens; `phoneModal()` says
 * whether they are. A screen that turns phone-sized gets them on the next open.
 */
type PhoneModal = typeof import('./phone-modal.ts');

let loaded: PhoneModal | undefined;
let pending: Promise<PhoneModal> | undefined;
let sheet: CSSStyleSheet | undefined;

/** The phone layout's styles: a sheet every panel adopts at mount, filled when the parts arrive. */
export function phoneSheet(): CSSStyleSheet {
  return (sheet ??= new CSSStyleSheet());
}

/** Starts (or joins) the load; a failed load is forgotten, so the next call retries. */
export function loadPhoneModal(): Promise<PhoneModal> {
  pending ??= import('./phone-modal.ts').then((m) => {
    phoneSheet().replaceSync(m.phoneCss);
    return (loaded = m);
  }, (error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

/** The parts, once loaded. */
export function phoneModal(): PhoneModal | undefined {
  return loaded;
}
