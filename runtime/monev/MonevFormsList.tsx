import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { formatDateTime } from '../format';
import { hrefs } from '../router';
import { listMonevForms } from './formStore';
import { periodText } from './formText';

/** The SOP's saved monitoring and evaluation forms, the last changed first, each a link to open it. */
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
