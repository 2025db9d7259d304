import { command } from '../../core/document';
import type { Image } from '../../schemas/generated/sop.types';
import { useT } from '../../ui/i18n';
import { useEditorSnapshot, useEditorStore } from '../editor/EditorContext';
import { ImageUpload } from './ImageUpload';

/** The letterhead logo (`identity.logo`): upload, preview, remove. */
export function LogoField() {
  const t = useT();
  const store = useEditorStore();
  const { doc } = useEditorSnapshot();
  const setLogo = (logo: Image | null) => store.run(command('identity.setLogo', { logo }), { select: false });
  return (
    <fieldset className="field identity-logo">
      <legend>{t('identityForm.logo.heading')}</legend>
      <ImageUpload
        image={doc.identity.logo}
        chooseLabel={t('identityForm.logo.choose')}
        previewAlt={t('identityForm.logo.preview')}
        emptyText={t('identityForm.logo.none')}
        onImage={setLogo}
        remove={{ label: t('identityForm.logo.remove'), onRemove: () => setLogo(null) }}
      />
    </fieldset>
  );
}
