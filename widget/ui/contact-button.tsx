/** "Contact support": opens the hand-off form with the reason the user was offered a person. */
import type { WidgetController } from '../services/widget-controller.ts';
import type { Strings } from '../core/i18n/strings.ts';
import { Icon } from './icons.tsx';

/** The button; `primary` when it is the way forward the message offers. */
export function ContactButton({ controller, strings, reason, primary }: { controller: WidgetController; strings: Strings; reason: string; primary?: boolean }) {
  return (
    <button type="button" class={primary ? 't0-btn t0-btn-primary' : 't0-btn'} onClick={() => controller.escalate(reason)}>
      <Icon name="person" />
      {strings.contactSupport}
    </button>
  );
}
