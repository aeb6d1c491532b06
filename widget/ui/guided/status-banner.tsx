/** Known incidents at the top of the panel, each dismissible. */
import type { Incident } from '../../core/status-feed.ts';
import { format } from '../../core/i18n/strings.ts';

export interface StatusBannerProps {
  incidents: readonly Incident[];
  strings: Record<string, string>;
  /** "As of 14:05" when the incidents come from the offline cache. */
  asOf?: string;
  onDismiss: (id: string) => void;
}


/** The status banner (role=status, so a new incident is announced without stealing focus). */
export function StatusBanner({ incidents, strings, asOf, onDismiss }: StatusBannerProps) {
  if (incidents.length === 0) return null;
  return (
    <div class="t0-status" role="status" aria-label={strings['guided.status.label']}>
      {incidents.map((incident) => (
        <div class="t0-status-item" data-severity={incident.severity} key={incident.id}>
          <div class="t0-status-text">
            <p class="t0-status-title">
              <span class="t0-status-severity">{strings[`guided.status.severity.${incident.severity}`]}: </span>
              <strong><bdi>{incident.title}</bdi></strong>
            </p>
            {incident.message && <p class="t0-status-message" dir="auto">{incident.message}</p>}
            <p class="t0-status-meta">
              {asOf && <span class="t0-status-asof">{format(strings['guided.status.asOf'] ?? '', { time: asOf })}</span>}
              {incident.url && (
                <a href={incident.url} target="_blank" rel="noopener noreferrer">{strings['guided.status.details']}</a>
              )}
            </p>
          </div>
          <button
            type="button"
            class="t0-status-dismiss"
            aria-label={format(strings['guided.status.dismiss'] ?? '', { title: incident.title })}
            onClick={() => onDismiss(incident.id)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
