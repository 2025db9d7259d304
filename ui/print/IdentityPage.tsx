import type { MessageKey, Translate } from '../../core/i18n';
import type { HeaderBlocks, SopDate, SopDocument } from '../../schemas/generated/sop.types';
import { ItemList } from './PlainText';

type BlockKey = keyof HeaderBlocks;

/** The six blocks in the Permenpan two-column arrangement, row by row. */
const BLOCK_ROWS: ReadonlyArray<readonly [BlockKey, BlockKey]> = [
  ['dasarHukum', 'kualifikasiPelaksana'],
  ['keterkaitan', 'peralatanPerlengkapan'],
  ['peringatan', 'pencatatanPendataan'],
];

const DATE_ROWS = [
  { key: 'pembuatan', label: 'print.doc.dateCreated', custom: 'tanggalPembuatan', always: true },
  { key: 'revisi', label: 'print.doc.dateRevised', custom: 'tanggalRevisi', always: true },
  { key: 'pengesahan', label: 'print.doc.dateApproved', custom: 'tanggalPengesahan', always: true },
  { key: 'efektif', label: 'print.doc.dateEffective', custom: 'tanggalEfektif', always: false },
] as const;

export interface IdentityPageProps {
  doc: SopDocument;
  t: Translate;
}

/**
 * The identity page (Identitas SOP): letterhead top left, identity table top
 * right, then the six header blocks in three rows of two. A block the SOP
 * leaves empty stays as a labelled empty cell, as on paper.
 */
export function IdentityPage({ doc, t }: IdentityPageProps) {
  const { identity } = doc;
  const labels = identity.labels ?? {};
  const dateText = (date: SopDate | undefined) => date?.raw ?? '';
  const approver = identity.approver;
  return (
    <div className="identity" data-part="identity">
      {identity.attachmentOf ? <p className="identity__attachment">{identity.attachmentOf.text}</p> : null}
      <table className="identity__grid">
        <colgroup>
          <col className="identity__half" />
          <col className="identity__half" />
        </colgroup>
        <tbody>
          <tr>
            <td className="identity__letterhead">
              <div className="letterhead">
                <p className="letterhead__government">{identity.government}</p>
                <p className="letterhead__office">{identity.office}</p>
                {identity.unit ? <p className="letterhead__unit">{identity.unit}</p> : null}
                {identity.address ? <p className="letterhead__address">{identity.address}</p> : null}
              </div>
            </td>
            <td className="identity__table-cell">
              <table className="identity-table">
                <tbody>
                  <tr>
                    <th scope="row">{t('print.doc.number')}</th>
                    <td className="identity-table__number">{identity.number}</td>
                  </tr>
                  {DATE_ROWS.filter((row) => row.always || identity.dates[row.key] !== undefined).map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{labels[row.custom] ?? t(row.label)}</th>
                      <td>{dateText(identity.dates[row.key])}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t('print.doc.approvedBy')}</th>
                    <td className="identity-table__approver">
                      {approver ? (
                        <>
                          <p className="approver__position">{approver.position}</p>
                          <div className="approver__signature" aria-hidden="true" />
                          <p className="approver__name">{approver.name}</p>
                          {approver.rank ? <p className="approver__rank">{approver.rank}</p> : null}
                          {approver.nip ? <p className="approver__nip">{t('print.doc.nip', { nip: approver.nip })}</p> : null}
                        </>
                      ) : null}
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">{t('print.doc.title')}</th>
                    <td className="identity-table__title">{identity.title}</td>
                  </tr>
                </tbody>
              </table>
            </td>
          </tr>
          {BLOCK_ROWS.map((pair) => (
            <tr key={pair[0]} className="identity__blocks">
              {pair.map((key) => (
                <td key={key} className="header-block" data-block={key}>
                  <p className="header-block__label">{labels[key] ?? t(`print.doc.${key}` as MessageKey)}</p>
                  <ItemList items={doc.headerBlocks?.[key] ?? []} className="header-block__items" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {doc.completeness?.status === 'incomplete' ? (
        <p className="identity__incomplete" role="note">
          {t('print.doc.incomplete', { reason: doc.completeness.reason })}
        </p>
      ) : null}
    </div>
  );
}
