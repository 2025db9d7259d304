import type { ReactNode } from 'react';
import { useT } from '../../ui/i18n';
import { Dialog } from './Dialog';

export interface ConfirmChoice {
  label: string;
  run: () => void;
  tone?: 'primary' | 'danger' | 'quiet';
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** The choices besides Cancel, primary last. */
  choices: readonly ConfirmChoice[];
  onCancel: () => void;
}

/** Asks the drafter to choose before something irreversible happens. Cancel is always offered. */
export function ConfirmDialog({ open, title, children, choices, onCancel }: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button button--quiet" onClick={onCancel} autoFocus>
            {t('designer.common.cancel')}
          </button>
          {choices.map((choice) => (
            <button key={choice.label} type="button" className={`button button--${choice.tone ?? 'primary'}`} onClick={choice.run}>
              {choice.label}
            </button>
          ))}
        </>
      }
    >
      {children}
    </Dialog>
  );
}
