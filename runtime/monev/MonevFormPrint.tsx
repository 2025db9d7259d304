import { Fragment } from 'react';
import type { Lang } from '../../core/i18n';
import { formatNip } from '../../core/people';
import type { MonevForm } from '../../core/monev/forms';
import { useI18n } from '../../ui/i18n';
import { formatDate } from '../format';
import { formTable } from './formExports';

export type Paper = 'a4' | 'f4';

export interface MonevFormPrintProps {
  form: MonevForm;
  paper: Paper;
  timeZone: string;
}

/**
 * A form on paper, Permenpan style: the header block, the bordered table,
 * and the evaluator's signature block with the date. The monitoring table is
 * wide, so it goes landscape. The paper is a named CSS page
 * (`page: mv-f4-landscape`), never an inline style: the CSP allows no
 * inline <style>, and named pages let the choice live in runtime.css.
 */
export function MonevFormPrint({ form, paper, timeZone }: MonevFormPrintProps) {
  const { t, lang } = useI18n();
  const table = formTable(form, lang as Lang);
  const orientation = form.kind === 'monitoring' ? 'landscape' : 'portrait';
  const signedOn = formatDate(form.updatedAt, lang, timeZone);
  return (
    <article className={`mv-print mv-print--${paper}-${orientation}`} aria-label={table.title} data-paper={paper} data-orientation={orientation}>
      <h2 className="mv-print__title">{table.title}</h2>
      <table className="mv-print__header">
        <tbody>
          {table.header.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {table.sections.map((section, s) => (
        <Fragment key={s}>
          {section.heading && <h3 className="mv-print__heading">{section.heading}</h3>}
          {section.columns.length > 0 ? (
            <table className="mv-print__table">
              <thead>
                <tr>
                  {section.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            section.rows.map((row, r) => (
              <p key={r} className="mv-print__text">
                {row[0]}
              </p>
            ))
          )}
        </Fragment>
      ))}
      <div className="mv-print__sign">
        <p>
          {t('monev.form.signDate')}: {signedOn}
        </p>
        <p>{t('monev.form.signRole')}</p>
        <div className="mv-print__sign-space" />
        <p className="mv-print__sign-name">{form.evaluator?.name || '………………………'}</p>
        {form.evaluator?.nip && <p>{t('monev.form.nip', { nip: formatNip(form.evaluator.nip) })}</p>}
        {form.evaluator?.office && <p>{form.evaluator.office}</p>}
      </div>
    </article>
  );
}
