import type { RevisionDiff } from '../../core/document';
import { useT } from '../../ui/i18n';

const stepText = (s: { number?: string; text: string }) => `${s.number ? `${s.number.replace(/\.$/, '')}. ` : ''}${s.text}`;

/** What changed between two revisions, in words: steps added, removed and changed, per flow. */
export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  const t = useT();
  if (diff.isEmpty) return <p className="muted">{t('designer.history.noChange')}</p>;
  return (
    <div className="revision-diff">
      {diff.identity.length > 0 && (
        <DiffSection title={t('designer.history.identity')}>
          {diff.identity.map((c) => (
            <li key={c.field}>
              <code>{c.field}</code>: {String(c.before ?? '–')} → {String(c.after ?? '–')}
            </li>
          ))}
        </DiffSection>
      )}
      {diff.headerBlocks.length > 0 && (
        <DiffSection title={t('designer.history.blocks')}>
          {diff.headerBlocks.map((c) => (
            <li key={c.field}>{t(`designer.block.${c.field as 'dasarHukum'}`)}</li>
          ))}
        </DiffSection>
      )}
      {diff.flows.added.map((f) => (
        <p key={f.flowId} className="diff diff--added">
          {t('designer.history.flowAdded', { title: f.title || f.flowId })}
        </p>
      ))}
      {diff.flows.removed.map((f) => (
        <p key={f.flowId} className="diff diff--removed">
          {t('designer.history.flowRemoved', { title: f.title || f.flowId })}
        </p>
      ))}
      {diff.flows.changed.map((flow) => (
        <section key={flow.flowId} className="revision-diff__flow">
          <h4>{flow.title || flow.flowId}</h4>
          <ul className="revision-diff__list">
            {flow.steps.added.map((s) => (
              <li key={`a-${s.id}`} className="diff diff--added">
                {t('designer.history.stepAdded')}: {stepText(s)}
              </li>
            ))}
            {flow.steps.removed.map((s) => (
              <li key={`r-${s.id}`} className="diff diff--removed">
                {t('designer.history.stepRemoved')}: {stepText(s)}
              </li>
            ))}
            {flow.steps.changed.map((s) => (
              <li key={`c-${s.id}`} className="diff diff--changed">
                {t('designer.history.stepChanged')}: {stepText(s)} ({s.fields.join(', ')})
              </li>
            ))}
            {flow.lanes.added.map((l) => (
              <li key={`la-${l.actorId}`} className="diff diff--added">
                {t('designer.history.laneAdded')}: {l.label}
              </li>
            ))}
            {flow.lanes.removed.map((l) => (
              <li key={`lr-${l.actorId}`} className="diff diff--removed">
                {t('designer.history.laneRemoved')}: {l.label}
              </li>
            ))}
            {flow.lanes.renamed.map((l) => (
              <li key={`ln-${l.actorId}`} className="diff diff--changed">
                {t('designer.history.laneRenamed')}: {l.before} → {l.after}
              </li>
            ))}
            {(flow.edges.added.length > 0 || flow.edges.removed.length > 0 || flow.edges.changed.length > 0) && (
              <li className="diff diff--changed">
                {t('designer.history.edges', { added: flow.edges.added.length, removed: flow.edges.removed.length, changed: flow.edges.changed.length })}
              </li>
            )}
          </ul>
        </section>
      ))}
      {diff.caseFields.added.length + diff.caseFields.removed.length + diff.caseFields.changed.length > 0 && (
        <p className="diff diff--changed">
          {t('designer.history.caseFields', { added: diff.caseFields.added.length, removed: diff.caseFields.removed.length, changed: diff.caseFields.changed.length })}
        </p>
      )}
    </div>
  );
}

function DiffSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <h4>{title}</h4>
      <ul className="revision-diff__list">{children}</ul>
    </section>
  );
}
