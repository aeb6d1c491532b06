/**
 * "Technical details": what will travel with the ticket for first diagnosis, shown before
 * sending, each item removable (the user decides what leaves their device).
 */
import { useRef, useState } from 'preact/hooks';
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
  const [said, setSaid] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const kept = items.filter((item) => !removed.includes(itemId(item)));

  const remove = (item: ContextItem, index: number) => {
    onChange([...removed, itemId(item)]);
    setSaid(t('ticket.detailsRemoved', { label: label(item, strings) }));
    // Keep keyboard users in the list: focus the next remove button (or the previous one).
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button');
      const next = buttons?.[Math.min(index, (buttons?.length ?? 1) - 1)];
      next?.focus();
    });
  };

  return (
    <details class="t0-details">
      <summary>{t('ticket.details')}</summary>
      <p class="t0-field-hint">{t('ticket.detailsIntro')}</p>
      {kept.length === 0 ? (
        <p>{t('ticket.detailsNone')}</p>
      ) : (
        <ul ref={listRef}>
          {kept.map((item, index) => (
            <li key={itemId(item)}>
              <span class="t0-ctx-text">
                <span class="t0-ctx-key">{label(item, strings)}:</span>
                {valueText(item.value, t)}
              </span>
              <button type="button" class="t0-btn t0-smallbtn" onClick={() => remove(item, index)}>
                {t('ticket.detailsRemove', { label: label(item, strings) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {removed.length > 0 && (
        <p>
          <button type="button" class="t0-btn t0-smallbtn" onClick={() => { onChange([]); setSaid(''); }}>
            {t('ticket.detailsRestore')}
          </button>
        </p>
      )}
      <p class="t0-sr" role="status">{said}</p>
    </details>
  );
}
