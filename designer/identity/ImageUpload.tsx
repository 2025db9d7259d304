import { useId, useState, type DragEvent } from 'react';
import { imageDataUrl } from '../../core/identity/embeddedImage';
import { SOP_LIMITS } from '../../core/validation/limits';
import type { Image } from '../../schemas/generated/sop.types';
import { useI18n } from '../../ui/i18n';
import { readImageFile, type ReadImageFileResult } from './readImageFile';

export interface ImageUploadProps {
  image: Image | undefined;
  /** The file button ("Pilih logo"). */
  chooseLabel: string;
  /** The preview's accessible name when the image has no alt text of its own. */
  previewAlt: string;
  /** Shown instead of the preview while there is no image. */
  emptyText?: string;
  onImage: (image: Image) => void;
  /** The remove button's label and action; omitted: no remove button. */
  remove?: { label: string; onRemove: () => void };
}

/**
 * A PNG/JPEG picked with the file button or dropped on the box. The type is
 * read from the file's bytes, the schema's size limit is enforced, and a bad
 * file leaves the current image as it is, with a message saying what is wrong.
 * The preview is an <img> of a data: URL built from the stored bytes.
 */
export function ImageUpload({ image, chooseLabel, previewAlt, emptyText, onImage, remove }: ImageUploadProps) {
  const { lang, t } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  // Tenths of a KB: a file's size rounded up and the limit rounded down, so a file just over the limit never reads as equal to it.
  const kb = (bytes: number, round: (x: number) => number) =>
    t('identityForm.image.kb', { size: (round((bytes / 1024) * 10) / 10).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }) });

  const describe = (result: Exclude<ReadImageFileResult, { ok: true }>, file: string) => {
    const what =
      result.problem === 'type'
        ? t('identityForm.image.type', { file })
        : result.problem === 'size'
          ? t('identityForm.image.size', { file, size: kb(result.bytes, Math.ceil), limit: kb(result.limit, Math.floor) })
          : result.problem === 'damaged'
            ? t('identityForm.image.damaged', { file })
            : t('identityForm.image.empty', { file });
    return `${what} ${t(image ? 'identityForm.image.kept' : 'identityForm.image.nothingChanged')}`;
  };

  const takeFile = async (file: File | undefined) => {
    if (!file) return;
    let result: ReadImageFileResult;
    try {
      result = await readImageFile(file);
    } catch {
      setProblem(`${t('identityForm.image.unreadable', { file: file.name })} ${t(image ? 'identityForm.image.kept' : 'identityForm.image.nothingChanged')}`);
      return;
    }
    if (!result.ok) {
      setProblem(describe(result, file.name));
      return;
    }
    setProblem(null);
    onImage(result.image);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void takeFile(event.dataTransfer.files[0]);
  };

  return (
    <div
      className={dragging ? 'image-upload image-upload--dragging' : 'image-upload'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {image ? <img className="image-upload__preview" src={imageDataUrl(image)} alt={image.alt ?? previewAlt} /> : emptyText ? <p className="field__hint">{emptyText}</p> : null}
      <div className="image-upload__buttons">
        <label className="button button--small image-upload__choose" htmlFor={inputId}>
          {chooseLabel}
        </label>
        <input
          id={inputId}
          className="image-upload__input"
          type="file"
          accept="image/png,image/jpeg"
          aria-describedby={hintId}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that choosing the same file again (after fixing it) is seen as a change.
            event.target.value = '';
            void takeFile(file);
          }}
        />
        {remove && image ? (
          <button type="button" className="button button--small button--quiet button--danger" onClick={remove.onRemove}>
            {remove.label}
          </button>
        ) : null}
      </div>
      <p id={hintId} className="field__hint">
        {t('identityForm.image.limit', { limit: kb(SOP_LIMITS.imageBytes, Math.floor) })}
      </p>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
