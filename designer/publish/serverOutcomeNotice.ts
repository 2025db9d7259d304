/**
 * What the drafter is told after publishing, about the server: sent, waiting
 * (and why), refused (the server's reason, and for a number already used,
 * what to do), or not sent at all (and why). One notice, which also says the
 * revision was published, since a newer notice replaces the older one.
 */
import { translate, type MessageKey, type MessageParams } from '../../core/i18n';
import type { LocalizedText } from '../../core/engine';
import type { ServerPublicationStatus } from '../../core/sync';
import type { PublisherStanding } from './serverPublisher';

function both(key: MessageKey, params: (lang: 'id' | 'en') => MessageParams): LocalizedText {
  return { id: translate('id', key, params('id')), en: translate('en', key, params('en')) };
}

function join(...parts: LocalizedText[]): LocalizedText {
  return { id: parts.map((p) => p.id).join(' '), en: parts.map((p) => p.en).join(' ') };
}

/** The server's reason for a refusal, with what to do when the number is taken by other content. */
export function refusalText(refusal: NonNullable<ServerPublicationStatus['refusal']>): LocalizedText {
  const help = refusal.code === 'revision.conflict' ? both('sync.publish.conflictHelp', () => ({})) : undefined;
  return help ? join(refusal.message, help) : refusal.message;
}

export function serverOutcomeNotice(
  number: number,
  standing: PublisherStanding,
  status: ServerPublicationStatus | undefined,
): { text: LocalizedText; severity: 'info' | 'error' } | undefined {
  const published = both('designer.publish.done', () => ({ number }));
  if (standing.kind === 'signedOut') return { text: join(published, both('sync.publish.notSignedIn', () => ({}))), severity: 'info' };
  if (standing.kind === 'notPublisher') return { text: join(published, both('sync.publish.notPublisher', () => ({ name: standing.session.user.name }))), severity: 'info' };
  if (!status) return undefined;
  switch (status.state) {
    case 'sent':
      return { text: join(published, both('sync.publish.sent', () => ({ number }))), severity: 'info' };
    case 'pending':
      return {
        text: join(published, both('sync.publish.queued', (lang) => ({ number, reason: status.lastProblem?.[lang] ?? '' }))),
        severity: 'info',
      };
    case 'refused': {
      const reason = refusalText(status.refusal!);
      return { text: join(published, both('sync.publish.refused', (lang) => ({ number, reason: reason[lang] }))), severity: 'error' };
    }
  }
}
