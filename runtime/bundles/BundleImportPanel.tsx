import { useId, useState } from 'react';
import type { LocalizedText } from '../../core/engine';
import { shortFingerprint } from '../../device';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { localized } from '../format';
import { JsonFilePicker } from '../forms/JsonFilePicker';
import { hrefs, navigate } from '../router';
import { offerTrust } from '../settings/trustOffer';
import type { UntrustedSigner } from '../storage/bundle';
import { toStorageError } from '../storage/errors';

export type BundleImportOutcome =
  | { kind: 'imported'; caseId: string; newEvents: number; newAttachments: number; keptSop?: { title: string; revision: number } }
  | { kind: 'refused'; message: LocalizedText; signer?: UntrustedSigner };

export interface BundleImportViewProps {
  onImport: (text: string) => Promise<BundleImportOutcome>;
  /** Takes a refused bundle's signer to the trusted keys settings. */
  onOfferTrust: (signer: UntrustedSigner) => void;
}

/** Imports a case bundle from another office; an untrusted signer is shown with its fingerprint and a way to trust it. */
export function BundleImportView({ onImport, onOfferTrust }: BundleImportViewProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [outcome, setOutcome] = useState<BundleImportOutcome | null>(null);
  return (
    <section className="rt-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('trust.import.heading')}</h3>
      <p id={`${id}-intro`}>{t('trust.import.intro')}</p>
      <JsonFilePicker id={`${id}-file`} label={t('trust.import.file')} describedBy={`${id}-intro`} onFile={async (file) => setOutcome(await onImport(await file.text()))} />
      {outcome?.kind === 'imported' && (
        <div role="status" className="rt-alert rt-alert--ok">
          <p>{t('trust.import.done', { events: outcome.newEvents, files: outcome.newAttachments })}</p>
          {outcome.keptSop && <p>{t('trust.import.sopKept', { title: outcome.keptSop.title, revision: outcome.keptSop.revision })}</p>}
          <a className="rt-button rt-button--secondary" href={hrefs.case(outcome.caseId)}>
            {t('trust.import.open')}
          </a>
        </div>
      )}
      {outcome?.kind === 'refused' && (
        <div role="alert" className="rt-alert rt-alert--error">
          <p>{localized(outcome.message, lang)}</p>
          {outcome.signer && (
            <>
              <p className="rt-mono">
                <bdi>
                  {t('trust.import.untrusted', { name: outcome.signer.person.name, device: outcome.signer.deviceCode || '?', fingerprint: shortFingerprint(outcome.signer.fingerprint) })}
                </bdi>
              </p>
              <button type="button" className="rt-button rt-button--secondary" onClick={() => onOfferTrust(outcome.signer!)}>
                {t('trust.import.trustIt')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** The import on this device's databases. */
export function BundleImportPanel() {
  const { db, device } = useRuntime();
  return (
    <BundleImportView
      onImport={async (text) => {
        const { importCaseBundle, BundleRefusal } = await import('../storage/bundle');
        try {
          const summary = await importCaseBundle(db, text, { device });
          const row = await db.cases.get(summary.caseId);
          const sop = row ? await db.sops.get(row.sopKey) : undefined;
          const inCatalogue = sop ? (await device.catalogue.get(sop.key)) !== undefined : true;
          return {
            kind: 'imported',
            caseId: summary.caseId,
            newEvents: summary.newEvents,
            newAttachments: summary.newAttachments,
            ...(sop && !inCatalogue ? { keptSop: { title: String(sop.title), revision: sop.revision } } : {}),
          };
        } catch (error) {
          const signer = error instanceof BundleRefusal ? error.signer : undefined;
          return { kind: 'refused', message: toStorageError(error).localized, ...(signer ? { signer } : {}) };
        }
      }}
      onOfferTrust={(signer) => {
        offerTrust(signer);
        navigate(hrefs.settings());
      }}
    />
  );
}
