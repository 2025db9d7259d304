import type { Translate } from '../../core/i18n';
import type { SopDocument } from '../../schemas/generated/sop.types';
import { isBlankText } from '../../core/text/richText';
import { ItemList } from './PlainText';

/** The signature block that closes a signed SOP: place and date, position, space to sign, name, rank, NIP. */
export function SignatureBlock({ doc, t }: { doc: SopDocument; t: Translate }) {
  const s = doc.signature;
  if (!s) return null;
  const placeDate = [s.place, s.date?.raw].filter((part) => part && part.trim()).join(', ');
  return (
    <div className="signature-block" data-part="signature">
      <div className="signature-block__inner">
        {placeDate ? <p>{placeDate}</p> : null}
        {s.position ? <p className="signature-block__position">{s.position}</p> : null}
        <div className="signature-block__space" aria-hidden="true" />
        {s.name ? <p className="signature-block__name">{s.name}</p> : null}
        {s.rank ? <p>{s.rank}</p> : null}
        {s.nip ? <p>{t('print.doc.nip', { nip: s.nip })}</p> : null}
      </div>
    </div>
  );
}

/** Catatan printed after the table. */
export function NotesBlock({ doc, t }: { doc: SopDocument; t: Translate }) {
  const notes = (doc.notes ?? []).filter((n) => !isBlankText(n));
  if (notes.length === 0) return null;
  return (
    <div className="notes-block" data-part="notes">
      <p className="notes-block__label">{t('print.doc.notes')}:</p>
      <ItemList items={notes} />
    </div>
  );
}
