import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { MonevForm } from '../../core/monev/forms';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { formatDateTime } from '../format';
import { hrefs } from '../router';
import { deleteMonevForm, listMonevForms } from './formStore';
import { periodText } from './formText';

/**
 * The SOP's saved monitoring and evaluation forms, the last changed first,
 * each a link to open it. A draft can be deleted (after a second click that
 * says what goes); a final form is the agency's record and stays.
 */
export function MonevFormsList({ sopId }: { sopId: string }) {
  const { db, calendar } = useRuntime();
  const { t, lang } = useI18n();
  const forms = useLiveQuery(() => listMonevForms(db, sopId), [db, sopId]);
  if (!forms) return null;
  return (
    <section className="mv-forms" aria-labelledby="mv-forms-heading">
      <h3 id="mv-forms-heading">{t('monev.form.listHeading')}</h3>
      {forms.length === 0 ? (
        <p>{t('monev.form.listNone')}</p>
      ) : (
        <div className="rt-table-wrap">
          <table className="rt-table">
            <thead>
              <tr>
                <th scope="col">{t('monev.form.col.kind')}</th>
                <th scope="col">{t('monev.form.col.period')}</th>
                <th scope="col">{t('monev.form.col.status')}</th>
                <th scope="col">{t('monev.form.col.updated')}</th>
                <th scope="col">
                  <span className="rt-visually-hidden">{t('monev.form.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {forms.map((form) => (
                <tr key={form.id}>
                  <td>
                    <a href={hrefs.monevForm(form.subject.sopId, form.id)}>{t(`monev.form.kind.${form.kind}`)}</a>
                  </td>
                  <td>{periodText(form.subject, lang)}</td>
                  <td>{t(`monev.form.status.${form.status}`)}</td>
                  <td>{formatDateTime(form.updatedAt, lang, calendar.timeZone)}</td>
                  <td>{form.status === 'draft' && <DeleteDraft form={form} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DeleteDraft({ form }: { form: MonevForm }) {
  const { db } = useRuntime();
  const { t, lang } = useI18n();
  const [state, setState] = useState<'idle' | 'asking' | 'deleting' | { failed: string }>('idle');
  const kind = t(`monev.form.kind.${form.kind}`).toLocaleLowerCase(lang);
  if (state === 'idle' || typeof state === 'object') {
    return (
      <>
        <button type="button" className="rt-button" onClick={() => setState('asking')} aria-label={t('monev.form.delete.label', { kind })}>
          {t('monev.form.delete')}
        </button>
        {typeof state === 'object' && <span role="alert">{state.failed}</span>}
      </>
    );
  }
  return (
    <span role="group" aria-label={t('monev.form.delete.confirm', { kind })}>
      <span>{t('monev.form.delete.confirm', { kind })} </span>
      <button
        type="button"
        className="rt-button rt-button--danger"
        disabled={state === 'deleting'}
        onClick={async () => {
          setState('deleting');
          try {
            await deleteMonevForm(db, form.id);
          } catch (error) {
            setState({ failed: t('monev.form.delete.failed', { reason: error instanceof Error ? error.message : String(error) }) });
          }
        }}
      >
        {t('monev.form.delete.yes')}
      </button>{' '}
      <button type="button" className="rt-button" onClick={() => setState('idle')}>
        {t('monev.form.delete.no')}
      </button>
    </span>
  );
}
