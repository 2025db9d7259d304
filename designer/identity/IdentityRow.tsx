import type { ReactNode } from 'react';
import { command } from '../../core/document';
import { identityRowPresent, isMarkedIllegible, type IdentityRowSpec } from '../../core/identity/identityRows';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { RowLabelEditor } from './RowLabelEditor';
import { useRowLabels } from './rowLabels';

export interface IdentityRowProps {
  spec: IdentityRowSpec;
  /** The value's editor, given the label the SOP prints for the row; shown only while the SOP has the row. */
  children: (label: string) => ReactNode;
}

/**
 * One row of the identity page: its editor while the SOP has the row, or a
 * plain "not in this SOP" with a button to add it. A present row offers to
 * remove it, to mark it illegible in the source and to override its label.
 * Emptying the editor never removes the row: presence is its own edit.
 */
export function IdentityRow({ spec, children }: IdentityRowProps) {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const { labelOf } = useRowLabels();
  const label = labelOf(spec);
  const present = identityRowPresent(doc, spec);
  const illegible = isMarkedIllegible(doc, spec);
  const run = (cmd: Parameters<typeof store.run>[0]) => store.run(cmd, { select: false });

  if (!present) {
    return (
      <div className="identity-row identity-row--absent" data-row={spec.key}>
        <span className="identity-row__name">{label}</span>
        <span className="identity-row__absent">{t('identityForm.row.absent')}</span>
        <button type="button" className="button button--small" onClick={() => run(command('identityRow.add', { row: spec.key }))}>
          {t('identityForm.row.add', { label })}
        </button>
      </div>
    );
  }
  return (
    <div className={illegible ? 'identity-row identity-row--illegible' : 'identity-row'} data-row={spec.key}>
      {illegible ? (
        <p className="identity-row__badge" title={t('identityForm.row.illegibleHint')}>
          {t('identityForm.row.illegibleBadge')}
        </p>
      ) : null}
      {children(label)}
      <div className="identity-row__tools">
        {'illegible' in spec ? (
          <label className="choice identity-row__illegible">
            <input
              type="checkbox"
              checked={illegible}
              aria-label={t('identityForm.row.illegibleFor', { label })}
              onChange={(event) => run(command('identityRow.setIllegible', { row: spec.illegible, illegible: event.target.checked }))}
            />
            {t('identityForm.row.illegible')}
          </label>
        ) : null}
        <button type="button" className="button button--small button--quiet button--danger" onClick={() => run(command('identityRow.remove', { row: spec.key }))}>
          {t('identityForm.row.remove', { label })}
        </button>
      </div>
      {spec.label ? <RowLabelEditor spec={{ ...spec, label: spec.label }} label={label} /> : null}
    </div>
  );
}
