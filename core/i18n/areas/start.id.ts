/**
 * Indonesian messages of the start page added per area (keys start with
 * `start.`); merged into the reference catalogue in ../messages.id.ts.
 */
export const startMessagesId = {
  'start.sample.col.open': 'Perancang',
  'start.sample.open': 'Buka di Perancang',
  'start.sample.openLabel': 'Buka {title} di Perancang SOP',
};
