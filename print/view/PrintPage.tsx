import type { ReactNode } from 'react';
import type { Translate } from '../../core/i18n';
import type { ElectronicSignature } from '../../schemas/generated/sop.types';
import type { PageBox } from '../model';
import { EmbeddedImage } from './IdentityPage';

export interface PrintPageProps {
  box: PageBox;
  number: number;
  pageCount: number;
  /** Small running line on the left of the footer (Nomor SOP · Nama SOP). */
  running?: string;
  /** The electronic signature, when the SOP repeats it in every page's footer. */
  esign?: ElectronicSignature | undefined;
  /** Show the footer ("Halaman 2 dari 5"). */
  footer?: boolean;
  /** Let the content run past one sheet (an identity page with very long blocks). */
  overflow?: boolean;
  t: Translate;
  children: ReactNode;
}

/** One sheet of paper: exact size, the user's margins, the content, and the page number at the foot. */
export function PrintPage({ box, number, pageCount, running, esign, footer = true, overflow = false, t, children }: PrintPageProps) {
  const m = box.marginsMm;
  return (
    <section
      className={overflow ? 'print-page print-page--overflow' : 'print-page'}
      data-page={number}
      aria-label={t('print.doc.pageOf', { page: number, pages: pageCount })}
      style={{
        width: `${box.widthMm}mm`,
        [overflow ? 'minHeight' : 'height']: `${box.heightMm}mm`,
        padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
      }}
    >
      <div className="print-page__body">{children}</div>
      {footer ? <PageFooter running={running} text={t('print.doc.pageOf', { page: number, pages: pageCount })} esign={esign} t={t} /> : null}
    </section>
  );
}

/** The foot of a sheet: the running line, the electronic signature when the SOP repeats it on every page, the page number. */
export function PageFooter({ running, text, esign, t }: { running?: string | undefined; text: string; esign?: ElectronicSignature | undefined; t?: Translate }) {
  return (
    <footer className="print-page__footer">
      {esign ? (
        <span className="print-page__esign" data-part="footer-esign">
          <EmbeddedImage image={esign.qr} className="print-page__esign-qr" fallbackAlt={t ? t('print.doc.qr') : ''} widthMm={10} />
          <span className="print-page__esign-statement">{esign.statement}</span>
        </span>
      ) : (
        <span className="print-page__running">{running}</span>
      )}
      <span className="print-page__number">{text}</span>
    </footer>
  );
}
