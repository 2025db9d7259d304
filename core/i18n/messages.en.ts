import { backupMessagesEn } from './areas/backup.en';
import { designerMessagesEn } from './areas/designer.en';
import { limitsMessagesEn } from './areas/limits.en';
import { printMessagesEn } from './areas/print.en';
import { runtimeMessagesEn } from './areas/runtime.en';
import { durabilityMessagesEn } from './areas/durability.en';
import { startMessagesEn } from './areas/start.en';
import { trustMessagesEn } from './areas/trust.en';
import { pwaMessagesEn } from './areas/pwa.en';
import { syncMessagesEn } from './areas/sync.en';
import { monevMessagesEn } from './areas/monev.en';
import { caseFlowMessagesEn } from './areas/caseFlow.en';
import { stepFieldsMessagesEn } from './areas/stepFields.en';
import { identityFormMessagesEn } from './areas/identityForm.en';
import type { MessageKey } from './messages.id';

/**
 * English message catalogue. Typed as `Record<MessageKey, string>` so the
 * compiler rejects a missing key and (through the excess-property check on
 * this object literal) a key that Indonesian does not have.
 */
export const messagesEn: Record<MessageKey, string> = {
  ...designerMessagesEn,
  ...backupMessagesEn,
  ...runtimeMessagesEn,
  ...printMessagesEn,
  ...startMessagesEn,
  ...limitsMessagesEn,
  ...durabilityMessagesEn,
  ...trustMessagesEn,
  ...pwaMessagesEn,
  ...syncMessagesEn,
  ...monevMessagesEn,
  ...caseFlowMessagesEn,
  ...stepFieldsMessagesEn,
  ...identityFormMessagesEn,
  'app.name': 'SOP Studio',
  'app.tagline': 'Design, run and print SOPs in the Permenpan RB Regulation No. 35 of 2012 format',
  'app.backToStart': 'Back to the start page',

  'lang.label': 'Language',
  'lang.changed': 'Interface language changed to {language}.',

  'ui.time.placeholder': 'HH:MM',
  'ui.time.hint': '24-hour time, HH:MM or HH.MM, e.g. 07:30 or 16.00.',
  'ui.time.invalid': '"{text}" is not a valid time. Write it in 24-hour form as HH:MM or HH.MM, e.g. 07:30 or 16.00.',
  'ui.time.required': 'A time is required (HH:MM, e.g. 07:30).',

  'start.title': 'Welcome to SOP Studio',
  'start.intro': 'Choose the application you want to open.',
  'start.designer.description': 'Draft and revise SOPs: draw the cross-actor flowchart, fill in the quality standards, check for errors, then print in the Permenpan format.',
  'start.runtime.description': 'Run an approved SOP for each application: who acts now, which documents to check, and how long each step may take.',
  'start.open': 'Open {app}',

  'designer.title': 'SOP Designer',

  'runtime.title': 'Case Runner',
  'runtime.placeholder.heading': 'The clerk\'s service desk',
  'runtime.placeholder.body': 'Here clerks will open an approved SOP, record a case for each applicant, and be guided step by step: who acts, which documents to check, and how long the step may take. Data stays saved even without internet access.',
  'runtime.placeholder.status': 'This application is under construction.',

  'samples.heading': 'Sample SOPs',
  'samples.intro': 'Transcriptions of {count} real SOPs from five Dinas Sosial offices, checked against the SOP Studio schema and rules every time this page opens.',
  'samples.summary': '{valid} of {count} samples valid; {warnings} warnings.',
  'samples.search': 'Search title or SOP number',
  'samples.noMatch': 'No sample matches "{query}".',
  'samples.col.number': 'SOP number',
  'samples.col.title': 'SOP title',
  'samples.col.office': 'Office',
  'samples.col.steps': 'Steps',
  'samples.col.lanes': 'Actors',
  'samples.col.total': 'Total time (computed)',
  'samples.col.check': 'Check',
  'samples.check.ok': 'Valid',
  'samples.check.errors': '{errors} errors',
  'samples.check.warnings': '{warnings} warnings',
  'samples.incomplete': 'Incomplete',
  'samples.noNumber': '(no number)',
  'samples.stated': 'stated: {stated}',
  'samples.details': 'Check details for {title}',
};
