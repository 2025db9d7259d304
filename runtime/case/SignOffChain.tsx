import { actorLabel, type SignOffSlot, type Visit } from '../../core/engine';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { useI18n, type I18nContextValue } from '../../ui/i18n';
import { UserText } from '../../ui/UserText';
import { formatDateTime } from '../format';

/** What a slot is, as the clerk reads it: "Paraf Kasi Rehabilitasi Sosial (Dinas Sosial)" or "tanda tangan KADIN". */
export function slotLabel(sop: SopDocument, slot: SignOffSlot, t: I18nContextValue['t']): string {
  const lanes = slot.actors.map((a) => actorLabel(sop, a)).join(' / ');
  if (slot.position !== undefined) {
    const action = t(slot.action === 'tandaTangan' ? 'caseFlow.chain.tandaTangan' : 'caseFlow.chain.paraf');
    const text = t('caseFlow.chain.position', { action, position: slot.position });
    return lanes ? `${text} (${lanes})` : text;
  }
  return `${t(slot.role === 'signs' ? 'runtime.role.signs' : 'runtime.role.approves')}: ${lanes}`;
}

/**
 * A step's sign-off chain, in order: who has initialled or signed (the person,
 * when), whose turn it is, and who comes after. Positions inside a lane's
 * organisation (paraf Kasi → Kabid → Sekdin, tanda tangan Kadis) and lanes
 * that approve or sign read the same way.
 */
export function SignOffChain({ sop, visit, timeZone, headingId }: { sop: SopDocument; visit: Visit; timeZone: string; headingId: string }) {
  const { lang, t } = useI18n();
  if (visit.chain.length === 0) return null;
  const next = visit.signatures.length;
  return (
    <section className="rt-chain" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('caseFlow.chain.heading')}</h4>
      <ol>
        {visit.chain.map((slot, i) => {
          const signature = visit.signatures[i];
          const isNext = !signature && i === next && visit.status === 'active';
          const status = signature
            ? t('caseFlow.chain.signed', {
                person: signature.by?.person?.name ?? signature.by?.user ?? actorLabel(sop, signature.actorId),
                time: formatDateTime(signature.at, lang, timeZone),
              })
            : isNext
              ? visit.phase === 'work'
                ? t('caseFlow.chain.afterWork')
                : t('caseFlow.chain.next')
              : t('caseFlow.chain.waiting');
          const className = signature ? 'rt-chain__slot rt-chain__slot--done' : isNext ? 'rt-chain__slot rt-chain__slot--next' : 'rt-chain__slot';
          return (
            <li key={i} className={className} data-slot={i} aria-current={isNext && visit.phase === 'signing' ? 'step' : undefined}>
              <UserText>{slotLabel(sop, slot, t)}</UserText>
              {' · '}
              <span className="rt-chain__status">
                <UserText>{status}</UserText>
              </span>
              {signature?.note?.trim() && <span className="rt-step__note">{` · ${t('runtime.timeline.note')} `}<UserText>{signature.note.trim()}</UserText></span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
