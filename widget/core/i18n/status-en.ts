/**
 * The status banner's English texts, in its chunk (ui/status-chunk.tsx) rather than the panel: only
 * sites with a `statusUrl` show it (a module of their own: a module shared with the panel would
 * be bundled into the panel). Each locale's translations stay in locales/guided-<locale>.ts,
 * which the panel loads for that locale anyway.
 */
export const guidedStatusEn = {
  'guided.status.label': 'Service status',
  'guided.status.asOf': 'As of {time}',
  'guided.status.details': 'Details',
  'guided.status.dismiss': 'Dismiss: {title}',
  'guided.status.severity.major': 'Major incident',
  'guided.status.severity.minor': 'Minor incident',
  'guided.status.severity.info': 'Notice',
};
