import { describeParsedWaktu, parseWaktu } from '../../core/waktu';
import { useI18n } from '../../ui/i18n';

/** How a Waktu text is understood, live as the drafter types: "2–3 jam (rentang 120–180 menit)". */
export function WaktuPreview({ raw, id }: { raw: string; id?: string }) {
  const { t, lang } = useI18n();
  const parsed = parseWaktu(raw);
  const tone = parsed.kind === 'unparsed' ? 'warning' : parsed.kind === 'empty' ? 'muted' : 'ok';
  return (
    <p id={id} className={`waktu-preview waktu-preview--${tone}`} aria-live="polite">
      <span className="waktu-preview__label">{t('designer.waktu.understood')}</span> {describeParsedWaktu(parsed, lang)}
    </p>
  );
}
