/**
 * The optional screenshot/file. Read into base64 in the browser (the ticket is one JSON body);
 * files over the limit are refused before reading, with a message saying by how much.
 */
import { useRef } from 'preact/hooks';
import type { Translate } from '../../core/ticket/format.ts';
import type { TicketAttachment } from '../../core/ticket/ticket-types.ts';
import { fieldId, formatBytes } from './field-errors.ts';

interface Props {
  value: TicketAttachment | null;
  error: string;
  maxBytes: number;
  t: Translate;
  onChange: (value: TicketAttachment | null, error: string) => void;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** File input with size check, chosen-file line and a remove button. */
export function AttachmentField({ value, error, maxBytes, t, onChange }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const id = fieldId('attachment');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const onInput = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return onChange(null, '');
    if (file.size > maxBytes) {
      input.value = '';
      return onChange(null, t('ticket.attachmentTooBig', { name: file.name, size: formatBytes(file.size), max: formatBytes(maxBytes) }));
    }
    try {
      const data = await readBase64(file);
      onChange({ name: file.name, type: file.type || 'application/octet-stream', size: file.size, data }, '');
    } catch {
      input.value = '';
      onChange(null, t('ticket.attachmentUnreadable', { name: file.name }));
    }
  };

  return (
    <div class="t0-field">
      <label for={id}>
        {t('ticket.attachment')} <span class="t0-req">{t('ticket.optional')}</span>
      </label>
      <span id={hintId} class="t0-field-hint">{t('ticket.attachmentHint', { max: formatBytes(maxBytes) })}</span>
      <input
        ref={inputRef}
        id={id}
        type="file"
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        aria-invalid={error ? 'true' : undefined}
        onChange={onInput}
      />
      {/* Announced at once: it answers the user's own action of picking a file. */}
      {error && <span id={errorId} class="t0-field-error" role="alert">{error}</span>}
      {value && (
        <p class="t0-check">
          <span>{t('ticket.attachmentChosen', { name: value.name, size: formatBytes(value.size) })}</span>
          <button
            type="button"
            class="t0-btn t0-smallbtn"
            onClick={() => {
              if (inputRef.current) inputRef.current.value = '';
              onChange(null, '');
              inputRef.current?.focus();
            }}
          >
            {t('ticket.attachmentRemove')}
          </button>
        </p>
      )}
    </div>
  );
}
