import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { Diagnostic } from '../../core/validation';
import { mayPublish } from '../../device';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { localized } from '../format';
import { RowBoundary, textOf } from '../guard/Boundary';
import type { SopRow } from '../storage/db';
import { acceptIntoCatalogue, listCaseOnlyRevisions } from './acceptRevision';

export interface CaseOnlyRevisionsViewProps {
  revisions: readonly Pick<SopRow, 'key' | 'title' | 'revision'>[];
  /** Whether the acting person may accept revisions into the catalogue. */
  allowed: boolean;
  onAccept: (key: string) => Promise<Diagnostic[] | void>;
}

/** SOP revisions that came inside case bundles, with the explicit act that puts one into the catalogue. */
export function CaseOnlyRevisionsView({ revisions, allowed, onAccept }: CaseOnlyRevisionsViewProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [result, setResult] = useState<{ key: string; ok: true; label: string } | { key: string; ok: false; diagnostics: Diagnostic[] } | null>(null);
  return (
    <section className="rt-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('trust.accept.heading')}</h2>
      <p>{t('trust.accept.intro')}</p>
      {!allowed && revisions.length > 0 && <p className="rt-alert rt-alert--warning">{t('trust.accept.notAllowed')}</p>}
      {revisions.length === 0 ? (
        <p>{t('trust.accept.none')}</p>
      ) : (
        <ul className="rt-list">
          {revisions.map((r, i) => {
            const title = textOf(r.title, t('trust.guard.untitled'));
            return (
              <RowBoundary key={textOf(r.key, String(i))} id={textOf(r.key, String(i))}>
                <li>
                  <bdi>{t('trust.accept.item', { title, revision: textOf(r.revision, '?') })}</bdi>{' '}
                  <button
                    type="button"
                    className="rt-button rt-button--secondary"
                    disabled={!allowed}
                    aria-label={t('trust.accept.buttonLabel', { title, revision: textOf(r.revision, '?') })}
                    onClick={async () => {
                      const diagnostics = await onAccept(r.key);
                      setResult(diagnostics ? { key: r.key, ok: false, diagnostics } : { key: r.key, ok: true, label: t('trust.accept.done', { title, revision: textOf(r.revision, '?') }) });
                    }}
                  >
                    {t('trust.accept.button')}
                  </button>
                </li>
              </RowBoundary>
            );
          })}
        </ul>
      )}
      {result?.ok === true && (
        <p role="status" className="rt-alert rt-alert--ok">
          {result.label}
        </p>
      )}
      {result?.ok === false && (
        <div role="alert" className="rt-alert rt-alert--error">
          <p>{t('trust.accept.refused')}</p>
          <ul>
            {result.diagnostics.slice(0, 20).map((d, i) => (
              <li key={i}>
                {d.pointer && <code>{d.pointer}</code>} {localized(d.message, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function CaseOnlyRevisions() {
  const { db, device, profile } = useRuntime();
  const revisions = useLiveQuery(() => listCaseOnlyRevisions(db, device), [db, device]);
  return (
    <CaseOnlyRevisionsView
      revisions={revisions ?? []}
      allowed={mayPublish(profile)}
      onAccept={async (key) => {
        const row = await db.sops.get(key);
        if (!row) return;
        const result = await acceptIntoCatalogue(device, row, profile);
        return result.ok ? undefined : result.diagnostics;
      }}
    />
  );
}
