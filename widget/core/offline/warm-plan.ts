/**
 * Whether idle-time warm-up (fetching the whole KB in the background) is welcome on this connection:
 * it downloads every article the user may never read, so it is skipped when they asked to save
 * data or are on a 2g-class link, where it would compete with the host page.
 */

/** The subset of `navigator.connection` (Network Information API) warm-up looks at. */
export interface ConnectionInfo {
  saveData?: boolean;
  effectiveType?: string;
}

/** False when the user asked to save data or is on a 2g-class connection. */
export function shouldWarmUp(connection: ConnectionInfo | undefined): boolean {
  if (!connection) return true;
  if (connection.saveData === true) return false;
  return connection.effectiveType !== '2g' && connection.effectiveType !== 'slow-2g';
}
