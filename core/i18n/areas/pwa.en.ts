import type { pwaMessagesId } from './pwa.id';

/** English messages about the installed, offline app; same keys as pwa.id.ts. */
export const pwaMessagesEn: Record<keyof typeof pwaMessagesId, string> = {
  'pwa.runtime.name': 'Case Runner · SOP Studio',
  'pwa.runtime.shortName': 'SOP Cases',
  'pwa.runtime.description': 'Run an approved SOP for each application, with or without a network: who acts now, which documents to check, and how long each step may take.',
  'pwa.designer.name': 'SOP Designer · SOP Studio',
  'pwa.designer.shortName': 'SOP Designer',
  'pwa.designer.description': 'Draft and revise SOPs in the Permenpan RB 35/2012 format, with or without a network: cross-actor flowcharts, quality standards, error checks and printing.',

  'pwa.update.label': 'App update',
  'pwa.update.available': 'A new version is available',
  'pwa.update.activated': 'A new version was installed from another tab',
  'pwa.update.reload': 'Reload',
  'pwa.update.later': 'Later',
  'pwa.update.whenYouAreReady': 'Reload whenever you are ready; this page never reloads by itself.',
  'pwa.update.draftKept':
    'The step you are filling in stays saved as a draft on this device and comes back after the reload. You may also finish this step first.',
  'pwa.update.formNotKept':
    'This form is not saved yet and would be cleared by a reload now. Start the case first, then choose Reload.',
  'pwa.update.reloading': 'Reloading…',
};
