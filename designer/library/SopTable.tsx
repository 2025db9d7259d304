import type { Lang } from '../../core/i18n';
import { useI18n } from '../../ui/i18n';
import type { DraftSummary } from '../storage';
import { formatDateTime } from '../ui/localized';
import { UserText } from '../../ui/UserText';

export type SopRowAction = 'open' | 'duplicate' | 'rename' | 'export' | 'delete';

export interface SopTableProps {
  drafts: readonly DraftSummary[];
  onAction: (action: SopRowAction, draft: DraftSummary) => void;
}

/**
 * The agency a draft belongs to, as the library shows it: the office (Dinas,
 * Badan), else the government, and the unit (Bidang/Seksi) when there is one.
 */
export function agencyOf(draft: Pick<DraftSummary, 'government' | 'office' | 'unit'>): { office: string; unit: string } {
  return { office: draft.office.trim() || draft.government.trim(), unit: draft.unit.trim() };
}

export function statusText(draft: DraftSummary, t: ReturnType<typeof useI18n>['t']): string {
  if (draft.status === 'published') return t('designer.library.status.published', { number: draft.revisionNumber });
  if (draft.status === 'archived') return t('designer.library.status.archived');
  return draft.revisionNumber > 0
    ? t('designer.library.status.draftAfter', { number: draft.revisionNumber })
    : t('designer.library.status.draft');
}

/** The SOPs of this browser as a table; each row has its own labelled actions. */
export function SopTable({ drafts, onAction }: SopTableProps) {
  const { t, lang } = useI18n();
  const sharedTitles = titlesUsedTwice(drafts);
  return (
    <table className="sop-table">
      <thead>
        <tr>
          <th scope="col">{t('designer.library.col.title')}</th>
          <th scope="col">{t('designer.library.col.agency')}</th>
          <th scope="col">{t('designer.library.col.number')}</th>
          <th scope="col">{t('designer.library.col.updated')}</th>
          <th scope="col">{t('designer.library.col.status')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('designer.library.col.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((draft) => (
          <SopRow key={draft.id} draft={draft} lang={lang} onAction={onAction} titleShared={sharedTitles.has(draft.title)} />
        ))}
      </tbody>
    </table>
  );
}

function titlesUsedTwice(drafts: readonly DraftSummary[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { title } of drafts) (seen.has(title) ? twice : seen).add(title);
  return twice;
}

interface SopRowProps {
  draft: DraftSummary;
  lang: Lang;
  onAction: SopTableProps['onAction'];
  /** Another listed SOP has the same title: the action buttons then name the agency too. */
  titleShared: boolean;
}

function SopRow({ draft, lang, onAction, titleShared }: SopRowProps) {
  const { t } = useI18n();
  const title = draft.title || t('designer.library.untitled');
  const agency = agencyOf(draft);
  const name = titleShared && agency.office ? `${title} (${[agency.office, agency.unit].filter(Boolean).join(', ')})` : title;
  return (
    <tr>
      <th scope="row">
        <button type="button" className="link-button" onClick={() => onAction('open', draft)}>
          <UserText>{title}</UserText>
        </button>
      </th>
      <td className="sop-table__agency">
        {agency.office || agency.unit ? (
          <>
            <UserText>{agency.office}</UserText>
            {agency.unit && <UserText className="sop-table__unit">{agency.unit}</UserText>}
          </>
        ) : (
          <span className="muted">{t('designer.library.noAgency')}</span>
        )}
      </td>
      <td>{draft.number ? <UserText>{draft.number}</UserText> : <span className="muted">{t('designer.library.noNumber')}</span>}</td>
      <td>{formatDateTime(draft.updatedAt, lang)}</td>
      <td>
        <span className={`status-badge status-badge--${draft.status}`}>{statusText(draft, t)}</span>
      </td>
      <td className="sop-table__actions">
        {(['duplicate', 'rename', 'export', 'delete'] as const).map((action) => (
          <button
            key={action}
            type="button"
            className={`button button--small ${action === 'delete' ? 'button--danger' : 'button--quiet'}`}
            aria-label={t(`designer.library.action.${action}.label`, { title: name })}
            onClick={() => onAction(action, draft)}
          >
            {t(`designer.library.action.${action}`)}
          </button>
        ))}
      </td>
    </tr>
  );
}
