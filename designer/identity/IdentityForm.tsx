import { BLOCK_ROWS, LETTERHEAD_ROWS, TABLE_ROWS, type IdentityRowSpec } from '../../core/identity/identityRows';
import { useT } from '../../ui/i18n';
import { ElectronicSignatureField } from './ElectronicSignatureField';
import { IdentityRow } from './IdentityRow';
import { ApproverEditor, HeaderBlockEditor, IdentityDateEditor, IdentityTextEditor } from './IdentityRowEditors';
import { LogoField } from './LogoField';
import './identity.css';

/** The editor of one row's value, by the kind of row. */
function RowEditor({ spec, label }: { spec: IdentityRowSpec; label: string }) {
  switch (spec.kind) {
    case 'text':
      return <IdentityTextEditor field={spec.key} label={label} multiline={spec.key === 'title' || spec.key === 'address'} />;
    case 'date':
      return <IdentityDateEditor field={spec.key} label={label} />;
    case 'approver':
      return <ApproverEditor label={label} />;
    case 'block':
      return <HeaderBlockEditor block={spec.key} label={label} />;
  }
}

function Rows({ rows }: { rows: readonly IdentityRowSpec[] }) {
  return rows.map((spec) => (
    <IdentityRow key={spec.key} spec={spec}>
      {(label) => <RowEditor spec={spec} label={label} />}
    </IdentityRow>
  ));
}

/**
 * The identity page as the SOP has it: the identity table (Nama SOP, Nomor,
 * the dates, Disahkan Oleh), the letterhead with its logo, the electronic
 * signature, and the six blocks. Every row shows whether the SOP has it.
 */
export function IdentityForm() {
  const t = useT();
  return (
    <section className="properties identity-form" aria-labelledby="identity-heading">
      <h3 id="identity-heading" className="properties__heading">
        {t('designer.identity.heading')}
      </h3>
      <h4 className="identity-form__part">{t('identityForm.table')}</h4>
      <Rows rows={TABLE_ROWS} />
      <ElectronicSignatureField />
      <h4 className="identity-form__part">{t('identityForm.letterhead')}</h4>
      <LogoField />
      <Rows rows={LETTERHEAD_ROWS} />
      <h4 className="identity-form__part">{t('identityForm.blocks')}</h4>
      <Rows rows={BLOCK_ROWS} />
    </section>
  );
}
