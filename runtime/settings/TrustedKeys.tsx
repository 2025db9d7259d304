import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import type { LocalizedText } from '../../core/engine';
import { deviceKey, exportPublicKey, listTrustedKeys, parseTrustInput, shortFingerprint, toDeviceError, trustKey, untrustKey, type TrustedKeyRow, type TrustKeyInput } from '../../device';
import { useI18n } from '../../ui/i18n';
import { useRuntime } from '../context';
import { formatDateTime, localized } from '../format';
import { RowBoundary, textOf } from '../guard/Boundary';
import { takeTrustOffer, type TrustOffer } from './trustOffer';

export interface TrustedKeysViewProps {
  /** This device's key fingerprint (64 hex digits), once known. */
  ownFingerprint: string | undefined;
  /** The public key export text other offices paste. */
  ownExport: string | undefined;
  keys: readonly TrustedKeyRow[];
  /** A signer offered from a refused bundle: the form opens filled in, still asking to compare. */
  offer?: TrustOffer;
  onTrust: (input: TrustKeyInput) => Promise<LocalizedText | void>;
  onRemove: (fingerprint: string) => Promise<void>;
  /** Why this device's key could not be made or read. */
  ownProblem?: LocalizedText;
  timeZone?: string;
}

type Checked = { fingerprint: string; publicKey?: JsonWebKey };

/** This device's key (to give to others) and the keys whose bundles this office imports. */
export function TrustedKeysView({ ownFingerprint, ownExport, keys, offer, onTrust, onRemove, ownProblem, timeZone = 'Asia/Jakarta' }: TrustedKeysViewProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const [text, setText] = useState(offer?.text ?? '');
  const [name, setName] = useState(offer?.name ?? '');
  const [office, setOffice] = useState(offer?.office ?? '');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [compared, setCompared] = useState(false);
  const [problem, setProblem] = useState<LocalizedText | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const check = async () => {
    setDone(null);
    setCompared(false);
    const parsed = await parseTrustInput(text);
    if (!parsed.ok) {
      setChecked(null);
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    setChecked({ fingerprint: parsed.fingerprint, ...(parsed.publicKey ? { publicKey: parsed.publicKey } : {}) });
    if (!name && parsed.name) setName(parsed.name);
    if (!office && parsed.office) setOffice(parsed.office);
  };

  useEffect(() => {
    // An offered signer is checked at once, so the fingerprint to compare is on screen.
    if (offer) void check();
  }, []);

  const save = async () => {
    if (!checked || !compared) return;
    const failure = await onTrust({ ...checked, name, office, ...(offer?.deviceCode ? { deviceCode: offer.deviceCode } : {}) });
    if (failure) {
      setProblem(failure);
      return;
    }
    setDone(t('trust.keys.saved', { name: name.trim() }));
    setText('');
    setName('');
    setOffice('');
    setChecked(null);
    setCompared(false);
  };

  return (
    <section className="rt-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('trust.keys.heading')}</h2>
      <p>{t('trust.keys.intro')}</p>

      <div className="rt-card">
        <h3 id={`${id}-own`}>{t('trust.keys.own')}</h3>
        <p className="rt-lead rt-mono" aria-labelledby={`${id}-own`} data-testid="own-fingerprint">
          {ownFingerprint ? shortFingerprint(ownFingerprint) : ownProblem ? '—' : t('runtime.loading')}
        </p>
        {ownProblem && (
          <p role="alert" className="rt-alert rt-alert--error">
            {localized(ownProblem, lang)}
          </p>
        )}
        {ownFingerprint && (
          <details>
            <summary>{t('trust.keys.ownFull')}</summary>
            <p className="rt-mono rt-break">{ownFingerprint}</p>
          </details>
        )}
        {ownExport && (
          <>
            <button
              type="button"
              className="rt-button rt-button--secondary"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(ownExport);
                  setCopied('ok');
                } catch {
                  setCopied('failed');
                }
              }}
            >
              {t('trust.keys.copy')}
            </button>
            {copied && (
              <p role="status" className="rt-alert">
                {copied === 'ok' ? t('trust.keys.copied') : t('trust.keys.copyFailed')}
              </p>
            )}
            <div className="rt-field">
              <label htmlFor={`${id}-export`}>{t('trust.keys.publicText')}</label>
              <textarea id={`${id}-export`} readOnly rows={3} value={ownExport} onFocus={(e) => e.currentTarget.select()} />
            </div>
          </>
        )}
      </div>

      <h3>{t('trust.keys.trusted')}</h3>
      {keys.length === 0 ? (
        <p>{t('trust.keys.none')}</p>
      ) : (
        <div className="rt-table-wrap">
          <table className="rt-table">
            <caption className="rt-visually-hidden">{t('trust.keys.trusted')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trust.keys.col.name')}</th>
                <th scope="col">{t('trust.keys.col.fingerprint')}</th>
                <th scope="col">{t('trust.keys.col.added')}</th>
                <th scope="col">{t('trust.keys.col.source')}</th>
                <th scope="col">
                  <span className="rt-visually-hidden">{t('trust.keys.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key, i) => (
                <RowBoundary key={textOf(key.fingerprint, String(i))} id={textOf(key.fingerprint, String(i))} as="tr" colSpan={5}>
                  <tr>
                    <th scope="row">
                      <bdi>{textOf(key.name, '—')}</bdi>
                      {key.office && (
                        <>
                          <br />
                          <span className="rt-muted">
                            <bdi>{textOf(key.office)}</bdi>
                          </span>
                        </>
                      )}
                    </th>
                    <td className="rt-mono" title={textOf(key.fingerprint)}>
                      {shortFingerprint(textOf(key.fingerprint))}
                    </td>
                    <td>{typeof key.addedAt === 'string' && !Number.isNaN(Date.parse(key.addedAt)) ? formatDateTime(key.addedAt, lang, timeZone) : '—'}</td>
                    <td>{key.source === 'server' ? t('trust.keys.source.server') : t('trust.keys.source.manual')}</td>
                    <td>
                      {removing === key.fingerprint ? (
                        <button
                          type="button"
                          className="rt-button rt-button--danger"
                          onClick={async () => {
                            await onRemove(textOf(key.fingerprint));
                            setRemoving(null);
                            setDone(t('trust.keys.removed', { name: textOf(key.name) }));
                          }}
                        >
                          {t('trust.keys.confirmRemove', { name: textOf(key.name, shortFingerprint(textOf(key.fingerprint))) })}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="rt-button rt-button--quiet"
                          aria-label={t('trust.keys.removeLabel', { name: textOf(key.name, shortFingerprint(textOf(key.fingerprint))) })}
                          // Removing is a second click: bundles from this device are refused from then on.
                          onClick={() => setRemoving(key.fingerprint)}
                        >
                          {t('trust.keys.remove')}
                        </button>
                      )}
                    </td>
                  </tr>
                </RowBoundary>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form className="rt-form" aria-labelledby={`${id}-add`} onSubmit={(e) => (e.preventDefault(), void (checked ? save() : check()))}>
        <h3 id={`${id}-add`}>{t('trust.keys.add')}</h3>
        {offer && <p className="rt-alert">{t('trust.keys.offered')}</p>}
        <div className="rt-field">
          <label htmlFor={`${id}-paste`}>{t('trust.keys.paste')}</label>
          <textarea
            id={`${id}-paste`}
            rows={3}
            value={text}
            aria-describedby={`${id}-paste-hint`}
            onChange={(e) => {
              setText(e.target.value);
              setChecked(null);
              setCompared(false);
            }}
          />
          <p id={`${id}-paste-hint`} className="rt-muted">
            {t('trust.keys.pasteHint')}
          </p>
        </div>
        <div className="rt-field">
          <label htmlFor={`${id}-name`}>{t('trust.keys.name')}</label>
          <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="rt-field">
          <label htmlFor={`${id}-office`}>{t('trust.keys.office')}</label>
          <input id={`${id}-office`} value={office} maxLength={200} onChange={(e) => setOffice(e.target.value)} />
        </div>
        {!checked && (
          <button type="submit" className="rt-button rt-button--secondary" disabled={text.trim() === ''}>
            {t('trust.keys.check')}
          </button>
        )}
        {checked && (
          <>
            <p role="status" className="rt-alert">
              {t('trust.keys.compare', { fingerprint: shortFingerprint(checked.fingerprint) })}
            </p>
            <label className="rt-check">
              <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.target.checked)} /> {t('trust.keys.confirm')}
            </label>
            <button type="submit" className="rt-button" disabled={!compared}>
              {t('trust.keys.save')}
            </button>
          </>
        )}
        {problem && (
          <p role="alert" className="rt-alert rt-alert--error">
            {localized(problem, lang)}
          </p>
        )}
        {done && (
          <p role="status" className="rt-alert rt-alert--ok">
            {done}
          </p>
        )}
      </form>
    </section>
  );
}

/** The settings section on the device's own databases. */
export function TrustedKeysPanel() {
  const { device, profile, calendar } = useRuntime();
  const [offer] = useState(() => takeTrustOffer());
  const [own, setOwn] = useState<{ fingerprint: string; text: string } | undefined>();
  const [ownProblem, setOwnProblem] = useState<LocalizedText | null>(null);
  useEffect(() => {
    // Made here, not in a live query: the first visit creates the key pair, which is a write.
    let cancelled = false;
    (async () => {
      const key = await deviceKey(device);
      const text = await exportPublicKey(device, { name: textOf(profile?.name), office: textOf(profile?.office) });
      if (!cancelled) setOwn({ fingerprint: key.fingerprint, text });
    })().catch((error: unknown) => !cancelled && setOwnProblem(toDeviceError(error).localized));
    return () => {
      cancelled = true;
    };
  }, [device, profile?.name, profile?.office]);
  const keys = useLiveQuery(() => listTrustedKeys(device), [device]);
  return (
    <TrustedKeysView
      ownFingerprint={own?.fingerprint}
      ownExport={own?.text}
      keys={keys ?? []}
      {...(offer ? { offer } : {})}
      {...(ownProblem ? { ownProblem } : {})}
      timeZone={calendar.timeZone}
      onTrust={async (input) => {
        try {
          await trustKey(device, { ...input, ...(profile ? { addedBy: textOf(profile.name) } : {}) });
        } catch (error) {
          return toDeviceError(error).localized;
        }
      }}
      onRemove={(fingerprint) => untrustKey(device, fingerprint)}
    />
  );
}
