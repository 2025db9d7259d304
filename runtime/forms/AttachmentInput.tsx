import { useId, useRef, useState } from 'react';
import { useI18n } from '../../ui/i18n';
import { formatBytes } from '../format';
import { UserText } from '../../ui/UserText';

export interface AttachedFile {
  id: string;
  name: string;
  size: number;
}

export interface AttachmentInputProps {
  /** What the files are for ("KTP"), named in the button's accessible name. */
  item: string;
  files: readonly AttachedFile[];
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
  /** Id of an error message to announce with the button. */
  errorId?: string | undefined;
}

/**
 * One control to attach a document: a button that opens the device's picker.
 * There is no `capture` attribute on purpose: with it a phone goes straight to
 * the camera and a scan already on the device cannot be chosen; without it the
 * phone offers the camera and the files in one sheet, and a desktop its file
 * dialog. Files can also be dropped on the control (scanners save to a folder).
 */
export function AttachmentInput({ item, files, onAdd, onRemove, errorId }: AttachmentInputProps) {
  const { lang, t } = useI18n();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const name = t('runtime.attach.for', { item: shorten(item) });
  const describedBy = [files.length > 0 ? listId : '', errorId ?? ''].filter(Boolean).join(' ') || undefined;

  return (
    <div
      className={dragging ? 'rt-attach rt-attach--drop' : 'rt-attach'}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (e.dataTransfer.files.length) onAdd(Array.from(e.dataTransfer.files));
      }}
    >
      <button type="button" className="rt-attach__button" aria-label={name} aria-describedby={describedBy} onClick={() => input.current?.click()}>
        {t('runtime.attach.button')}
      </button>
      {/* Out of the tab order and the accessibility tree: the button above is the control. */}
      <input
        ref={input}
        type="file"
        accept="image/*,application/pdf"
        multiple
        hidden
        tabIndex={-1}
        aria-label={name}
        data-attach-input=""
        onChange={(e) => {
          if (e.target.files?.length) onAdd(Array.from(e.target.files));
          e.target.value = '';
        }}
      />
      {files.length > 0 && (
        <ul id={listId} className="rt-attach__list" aria-label={t('runtime.attach.list', { item: shorten(item) })}>
          {files.map((f) => (
            <li key={f.id}>
              <UserText className="rt-attach__name">{f.name}</UserText> <span className="rt-muted">({formatBytes(f.size, lang)})</span>{' '}
              <button type="button" className="rt-link-button" onClick={() => onRemove(f.id)} aria-label={t('runtime.step.removeFile', { name: f.name })}>
                {t('runtime.attach.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
