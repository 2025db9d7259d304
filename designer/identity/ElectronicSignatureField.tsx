import { useId } from 'react';
import { command } from '../../core/document';
import { SOP_LIMITS } from '../../core/validation/limits';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { TextField } from '../properties/fields';
import { ImageUpload } from './ImageUpload';

/**
 * The electronic signature (TTE) block: its QR code, the signing statement,
 * and whether it repeats in every page footer. Uploading a QR starts the
 * block; removing it removes the whole block.
 */
export function ElectronicSignatureField() {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const footerId = useId();
  const signature = doc.electronicSignature;
  const run = (cmd: Parameters<typeof store.run>[0]) => store.run(cmd, { select: false });
  return (
    <fieldset className="field identity-esign">
      <legend>{t('identityForm.esign.heading')}</legend>
      <ImageUpload
        image={signature?.qr}
        chooseLabel={t('identityForm.esign.chooseQr')}
        previewAlt={t('identityForm.esign.qrPreview')}
        emptyText={t('identityForm.esign.none')}
        onImage={(qr) => run(command('electronicSignature.setQr', { qr }))}
      />
      {signature ? (
        <>
          <TextField
            label={t('identityForm.esign.statement')}
            value={signature.statement}
            multiline
            rows={3}
            maxLength={SOP_LIMITS.longText}
            placeholder={t('identityForm.esign.statementPlaceholder')}
            onChange={(statement) => run(command('electronicSignature.setStatement', { statement }))}
          />
          <label className="choice" htmlFor={footerId}>
            <input
              id={footerId}
              type="checkbox"
              checked={signature.inEveryFooter === true}
              onChange={(event) => run(command('electronicSignature.setInEveryFooter', { inEveryFooter: event.target.checked }))}
            />
            {t('identityForm.esign.inEveryFooter')}
          </label>
          <button type="button" className="button button--small button--danger" onClick={() => run(command('electronicSignature.remove', {}))}>
            {t('identityForm.esign.remove')}
          </button>
        </>
      ) : null}
    </fieldset>
  );
}
