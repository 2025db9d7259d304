import type { MessageKey, Translate } from '../../core/i18n';
import type { HeaderBlocks, Identity, Image, SopDate, SopDocument } from '../../schemas/generated/sop.types';
import { ItemList } from './PlainText';

type BlockKey = keyof HeaderBlocks;
type IdentityLabels = NonNullable<Identity['labels']>;
type Illegible = NonNullable<Identity['illegible']>[number];

/** The six blocks in the Permenpan order; present ones fill three rows of two. */
const BLOCKS: readonly BlockKey[] = ['dasarHukum', 'kualifikasiPelaksana', 'keterkaitan', 'peralatanPerlengkapan', 'peringatan', 'pencatatanPendataan'];

const DATE_ROWS = [
  {
    key: 'pembuatan',
    label: 'print.doc.dateCreated',
    custom: 'tanggalPembuatan',
  },
  { key: 'revisi', label: 'print.doc.dateRevised', custom: 'tanggalRevisi' },
  {
    key: 'pengesahan',
    label: 'print.doc.dateApproved',
    custom: 'tanggalPengesahan',
  },
  {
    key: 'efektif',
    label: 'print.doc.dateEffective',
    custom: 'tanggalEfektif',
  },
] as const satisfies ReadonlyArray<{
  key: Illegible;
  label: MessageKey;
  custom: keyof IdentityLabels;
}>;

export interface IdentityPageProps {
  doc: SopDocument;
  t: Translate;
  /** Grow the grid to this height in px (the header blocks share the room), as signed identity pages fill their sheet. */
  fillHeight?: number;
}

/** An embedded PNG/JPEG (the schema refuses SVG, which can carry script) as an image the page's CSP allows (data:). */
export function EmbeddedImage({ image, className, fallbackAlt, widthMm }: { image: Image; className: string; fallbackAlt: string; widthMm?: number }) {
  const width = image.widthMm ?? widthMm;
  return (
    <img
      className={className}
      src={`data:${image.mediaType};base64,${image.base64}`}
      alt={image.alt ?? fallbackAlt}
      style={width ? { width: `${width}mm` } : undefined}
    />
  );
}

/**
 * The identity page (Identitas SOP) as the SOP has it: letterhead (with its
 * logo) top left, the identity table top right, the header blocks below.
 * Only the rows the SOP has are printed (schema v2: an absent field is no
 * row; "" is a row left empty), with the SOP's own labels ("Judul SOP"),
 * and a row that cannot be read says so rather than guess. Text keeps the
 * case it was written in. The Disahkan Oleh cell carries the electronic
 * signature (QR and statement) when the SOP was signed electronically.
 */
export function IdentityPage({ doc, t, fillHeight }: IdentityPageProps) {
  const { identity } = doc;
  const labels: IdentityLabels = identity.labels ?? {};
  const illegible = new Set<Illegible>(identity.illegible ?? []);
  const dates = identity.dates ?? {};
  const unreadable = <span className="identity__illegible">{t('print.doc.illegible')}</span>;
  const value = (key: Illegible, text: string | undefined) => (illegible.has(key) ? unreadable : text);
  const has = (key: Illegible, present: boolean) => present || illegible.has(key);
  const approver = identity.approver;
  const esign = doc.electronicSignature;
  const blocks = BLOCKS.filter((key) => doc.headerBlocks?.[key] !== undefined);
  const blockRows: BlockKey[][] = [];
  for (let i = 0; i < blocks.length; i += 2) blockRows.push(blocks.slice(i, i + 2));
  const letterhead = (['government', 'office', 'unit', 'address'] as const).filter((key) => has(key, Boolean(identity[key]?.trim())));

  return (
    <div className="identity" data-part="identity">
      {identity.attachmentOf || illegible.has('attachmentOf') ? (
        <p className="identity__attachment">{value('attachmentOf', identity.attachmentOf?.text)}</p>
      ) : null}
      <div
        className={fillHeight && blockRows.length > 0 ? 'identity__sheet identity__sheet--fill' : 'identity__sheet'}
        style={fillHeight && blockRows.length > 0 ? { height: fillHeight } : undefined}
      >
        <table className="identity__grid identity__head">
          <colgroup>
            <col className="identity__letterhead-col" />
            <col className="identity__table-col" />
          </colgroup>
          <tbody>
            <tr>
              <td className="identity__letterhead">
                <div className="letterhead">
                  {identity.logo ? <EmbeddedImage image={identity.logo} className="letterhead__logo" fallbackAlt={t('print.doc.logo')} widthMm={22} /> : null}
                  {letterhead.map((key) => (
                    <p key={key} className={`letterhead__${key}`}>
                      {value(key, identity[key])}
                    </p>
                  ))}
                </div>
              </td>
              <td className="identity__table-cell">
                <table className="identity-table">
                  <tbody>
                    {has('number', identity.number !== undefined) ? (
                      <tr data-row="number">
                        <th scope="row">{labels.nomorSop ?? t('print.doc.number')}</th>
                        <td className="identity-table__number">{value('number', identity.number)}</td>
                      </tr>
                    ) : null}
                    {DATE_ROWS.filter((row) => has(row.key, dates[row.key] !== undefined)).map((row) => (
                      <tr key={row.key} data-row={row.key}>
                        <th scope="row">{labels[row.custom] ?? t(row.label)}</th>
                        <td>{value(row.key, dateText(dates[row.key]))}</td>
                      </tr>
                    ))}
                    {has('approver', approver !== undefined) || esign ? (
                      <tr data-row="approver">
                        <th scope="row">{labels.disahkanOleh ?? t('print.doc.approvedBy')}</th>
                        <td className="identity-table__approver">
                          {illegible.has('approver') ? unreadable : null}
                          {approver?.position ? <p className="approver__position">{approver.position}</p> : null}
                          {esign ? (
                            <div className="approver__esign" data-part="esign">
                              <EmbeddedImage image={esign.qr} className="esign__qr" fallbackAlt={t('print.doc.qr')} widthMm={20} />
                              <p className="esign__statement">{esign.statement}</p>
                            </div>
                          ) : (
                            <div className="approver__signature" aria-hidden="true" />
                          )}
                          {approver?.name ? <p className="approver__name">{approver.name}</p> : null}
                          {approver?.rank ? <p className="approver__rank">{approver.rank}</p> : null}
                          {approver?.nip ? <p className="approver__nip">{t('print.doc.nip', { nip: approver.nip })}</p> : null}
                        </td>
                      </tr>
                    ) : null}
                    {has('title', identity.title !== undefined) ? (
                      <tr data-row="title">
                        <th scope="row">{labels.namaSop ?? t('print.doc.title')}</th>
                        <td className="identity-table__title">{value('title', identity.title)}</td>
                      </tr>
                    ) : null}
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
        {blockRows.length > 0 ? (
          <table className="identity__grid identity__blocks-table">
            <colgroup>
              <col className="identity__letterhead-col" />
              <col className="identity__table-col" />
            </colgroup>
            <tbody>
              {blockRows.map((pair) => (
                <tr key={pair[0]} className="identity__blocks">
                  {pair.map((key) => (
                    <td key={key} className="header-block" data-block={key} colSpan={pair.length === 1 ? 2 : undefined}>
                      <p className="header-block__label">{labels[key] ?? t(`print.doc.${key}` as MessageKey)}</p>
                      <ItemList items={doc.headerBlocks?.[key] ?? []} className="header-block__items" />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      {doc.completeness?.status === 'incomplete' ? (
        <p className="identity__incomplete" role="note">
          {t('print.doc.incomplete', { reason: doc.completeness.reason })}
        </p>
      ) : null}
    </div>
  );
}

function dateText(date: SopDate | undefined): string {
  return date?.raw ?? '';
}
