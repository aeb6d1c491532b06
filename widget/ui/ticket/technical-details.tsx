/**
 * "Technical details": what will travel with the ticket for first diagnosis, shown before
 * sending. One native checkbox per item, ticked by default (the user decides what leaves their
 * device): a compact list a keyboard reaches with Tab and toggles with Space, and a screen reader
 * reads as "Page: https://…, checkbox, checked". Unticked items stay listed, so taking one back
 * needs no separate "restore" control.
 */
import { itemId, type ContextItem } from '../../core/ticket/context-items.ts';
import type { Translate } from '../../core/ticket/format.ts';

interface Props {
  items: readonly ContextItem[];
  removed: readonly string[];
  strings: Record<string, string>;
  t: Translate;
  onChange: (removed: string[]) => void;
}

function label(item: ContextItem, strings: Record<string, string>): string {
  if (item.site) return item.key;
  return strings[`ticket.ctx.${item.key}`] ?? item.key;
}

function valueText(value: ContextItem['value'], t: Translate): string {
  if (value === true) return t('ticket.yes');
  if (value === false) return t('ticket.no');
  // Browser check findings: one "id: status — detail" per check, as the agent will read them.
  if (Array.isArray(value)) return value.map((f) => `${f.id}: ${f.status} — ${f.detail}`).join('; ');
  return value === null ? '—' : String(value);
}

/** The technical details disclosure. */
export function TechnicalDetails({ items, removed, strings, t, onChange }: Props) {
  const sent = items.filter((item) => !removed.includes(itemId(item))).length;
  const toggle = (id: string, send: boolean): void => {
    onChange(send ? removed.filter((r) => r !== id) : [...removed, id]);
  };

  return (
    <details class="t0-details">
      <summary>
        {t('ticket.details')}
        {items.length > 0 && <span class="t0-details-count">{t('ticket.detailsSending', { count: sent, total: items.length })}</span>}
      </summary>
      {items.length === 0 ? (
        <p>{t('ticket.detailsNone')}</p>
      ) : (
        <fieldset class="t0-ctx">
          <legend class="t0-field-hint">{t('ticket.detailsIntro')}</legend>
          <ul>
            {items.map((item) => {
              const id = itemId(item);
              const send = !removed.includes(id);
              return (
                <li key={id}>
                  <label class="t0-ctx-row" data-sent={send ? 'true' : 'false'}>
                    <input type="checkbox" checked={send} onChange={(e) => toggle(id, (e.currentTarget as HTMLInputElement).checked)} />
                    <span class="t0-ctx-text">
                      <span class="t0-ctx-key">{label(item, strings)}:</span> <bdi>{valueText(item.value, t)}</bdi>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
    </details>
  );
}
