import { useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import type { Bottleneck, MonevMeasures, StepMeasures } from '../../core/monev';
import { useI18n } from '../../ui/i18n';
import { ChartWithTable } from './ChartWithTable';
import { formatCount, formatHours, formatShare, shortStepName } from './monevFormat';

/** Started, finished, sent back and cancelled cases per week or month. */
export function CountsOverTime({ measures }: { measures: MonevMeasures }) {
  const { t, lang } = useI18n();
  const rows = measures.buckets.rows;
  const chart = useMemo(() => {
    const series = (key: 'started' | 'finished' | 'returned' | 'cancelled', value: (b: (typeof rows)[number]) => number) =>
      rows.map((b) => ({ at: new Date(b.start), kind: t(`monev.counts.${key}`), value: value(b) }));
    const data = [
      ...series('started', (b) => b.started),
      ...series('finished', (b) => b.finished.selesai + b.finished.dirujuk),
      ...series('returned', (b) => b.returned),
      ...series('cancelled', (b) => b.cancelled + b.finished.dibatalkan),
    ];
    return {
      height: 260,
      marginLeft: 44,
      color: { legend: true },
      x: { label: null },
      y: { grid: true, label: t('monev.lead.cases') },
      marks: [Plot.ruleY([0]), Plot.lineY(data, { x: 'at', y: 'value', stroke: 'kind' }), Plot.dot(data, { x: 'at', y: 'value', fill: 'kind', r: 2 })],
    };
  }, [rows, t]);
  return (
    <ChartWithTable
      title={t('monev.counts.title')}
      description={t('monev.counts.description', { unit: t(measures.buckets.unit === 'week' ? 'monev.counts.week' : 'monev.counts.month') })}
      chart={chart}
      rows={rows}
      rowKey={(b) => b.label}
      empty={t('monev.page.noCases')}
      columns={[
        { header: t('monev.counts.period'), cell: (b) => b.label },
        { header: t('monev.counts.started'), cell: (b) => formatCount(b.started, lang), numeric: true },
        { header: t('monev.counts.finished'), cell: (b) => formatCount(b.finished.selesai, lang), numeric: true },
        { header: t('monev.counts.rejected'), cell: (b) => formatCount(b.finished.ditolak, lang), numeric: true },
        { header: t('monev.counts.referred'), cell: (b) => formatCount(b.finished.dirujuk, lang), numeric: true },
        { header: t('monev.counts.returned'), cell: (b) => formatCount(b.returned, lang), numeric: true },
        { header: t('monev.counts.cancelled'), cell: (b) => formatCount(b.cancelled + b.finished.dibatalkan, lang), numeric: true },
        { header: t('monev.counts.open'), cell: (b) => formatCount(b.open, lang), numeric: true },
      ]}
    />
  );
}

/** The distribution of finished cases' working lead time, split by within or past the SOP's standard. */
export function LeadTimeChart({ measures }: { measures: MonevMeasures }) {
  const { t, lang } = useI18n();
  const lead = measures.leadTime;
  const bins = lead.bins.filter((b) => b.count > 0);
  const chart = useMemo(() => {
    const within = t('monev.lead.within');
    const late = t('monev.bottlenecks.late');
    const width = lead.bins[0] ? lead.bins[0].to - lead.bins[0].from : 0;
    // The open-ended tail is drawn as wide as the others; its table row says how far it reaches.
    const data = lead.bins.flatMap((b) => {
      const x2 = (b.openEnded ? b.from + width : b.to) / 60;
      return [
        { x1: b.from / 60, x2, kind: within, count: b.within },
        { x1: b.from / 60, x2, kind: late, count: b.count - b.within },
      ];
    });
    return {
      height: 240,
      marginLeft: 44,
      color: { legend: true, domain: [within, late], range: ['#2e7d32', '#c62828'] },
      x: { label: t('monev.lead.range') },
      y: { grid: true, label: t('monev.lead.cases') },
      marks: [Plot.rectY(data, Plot.stackY({ x1: 'x1', x2: 'x2', y: 'count', fill: 'kind', insetLeft: 1 })), Plot.ruleY([0])],
    };
  }, [lead.bins, t]);
  const description =
    lead.shareWithin === null ? t('monev.lead.noStandard') : t('monev.lead.description', { share: formatShare(lead.shareWithin, lang) });
  return (
    <ChartWithTable
      title={t('monev.lead.title')}
      description={description}
      chart={chart}
      rows={bins}
      rowKey={(b) => String(b.from)}
      empty={t('monev.page.noCases')}
      columns={[
        { header: t('monev.lead.range'), cell: (b) => (b.openEnded ? `≥ ${formatHours(b.from, lang)} (${t('monev.lead.longest', { value: formatHours(b.to, lang) })})` : `${formatHours(b.from, lang)}–${formatHours(b.to, lang)}`) },
        { header: t('monev.lead.cases'), cell: (b) => formatCount(b.count, lang), numeric: true },
        { header: t('monev.lead.within'), cell: (b) => formatCount(b.within, lang), numeric: true },
      ]}
    >
      {lead.median !== null && (
        <p>{t('monev.lead.median', { value: t('monev.hours', { value: formatHours(lead.median, lang) }), p90: t('monev.hours', { value: formatHours(lead.p90, lang) }) })}</p>
      )}
    </ChartWithTable>
  );
}

const stepLabel = (s: Pick<StepMeasures, 'row' | 'number' | 'name'>) => `${s.number ?? s.row}. ${s.name}`;
const shortLabel = (s: Pick<StepMeasures, 'row' | 'number' | 'name'>) => `${s.number ?? s.row}. ${shortStepName(s.name, 36)}`;
/** The whole activity, kept to two lines on screen; the title and screen readers have all of it. */
const StepName = ({ step }: { step: Pick<StepMeasures, 'row' | 'number' | 'name'> }) => (
  <span className="mv-step-name" title={stepLabel(step)}>
    {stepLabel(step)}
  </span>
);

/**
 * Each step's share of visits within its Waktu, with the full per-step table and links to the cases
 * (none without `onShowCases`: measures from the server come without the cases behind them).
 */
export function StepsAgainstStandard({ measures, laneLabel, onShowCases }: { measures: MonevMeasures; laneLabel: (id: string | undefined) => string; onShowCases?: (stepId: string) => void }) {
  const { t, lang } = useI18n();
  // Under an office filter, the steps other offices do are not that office's to answer for.
  const officeOnly = measures.query.office !== undefined;
  const steps = measures.steps.filter((s) => s.visits > 0 || (s.known && !officeOnly));
  const chart = useMemo(() => {
    const data = steps.filter((s) => s.shareWithin !== null).map((s) => ({ label: shortLabel(s), share: s.shareWithin! * 100 }));
    if (data.length === 0) return null;
    return {
      height: 40 + data.length * 22,
      marginLeft: 260,
      x: { domain: [0, 100], grid: true, label: t('monev.steps.withinAxis') },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [Plot.barX(data, { x: 'share', y: 'label', fill: (d: { share: number }) => (d.share >= 80 ? '#2e7d32' : d.share >= 50 ? '#f9a825' : '#c62828') }), Plot.ruleX([0])],
    };
  }, [steps, t]);
  return (
    <ChartWithTable
      title={t('monev.steps.title')}
      description={t('monev.steps.description')}
      chart={chart}
      rows={steps}
      rowKey={(s) => s.stepId}
      empty={t('monev.page.noCases')}
      columns={[
        { header: t('monev.steps.step'), cell: (s) => <StepName step={s} /> },
        { header: t('monev.steps.actor'), cell: (s) => laneLabel(s.actor) },
        { header: t('monev.steps.waktu'), cell: (s) => s.waktu || '—' },
        { header: t('monev.steps.visits'), cell: (s) => formatCount(s.visits, lang), numeric: true },
        { header: t('monev.steps.median'), cell: (s) => t('monev.hours', { value: formatHours(s.duration.median, lang) }), numeric: true },
        { header: t('monev.steps.p90'), cell: (s) => t('monev.hours', { value: formatHours(s.duration.p90, lang) }), numeric: true },
        {
          header: t('monev.steps.within'),
          cell: (s) =>
            s.waiting ? t('monev.steps.waiting', { share: formatShare(s.waiting.shareWithin, lang) }) : s.shareWithin === null ? t('monev.steps.noStandard') : formatShare(s.shareWithin, lang),
          numeric: true,
        },
        { header: t('monev.steps.returns'), cell: (s) => formatShare(s.returns.rate, lang), numeric: true },
        { header: t('monev.steps.loops'), cell: (s) => formatShare(s.loops.rate, lang), numeric: true },
        { header: t('monev.steps.skipped'), cell: (s) => (s.skipped.asked ? `${formatCount(s.skipped.skipped, lang)}/${formatCount(s.skipped.asked, lang)}` : '—'), numeric: true },
        ...(onShowCases
          ? [
              {
                header: t('monev.drill.case'),
                cell: (s: StepMeasures) => (
                  <button type="button" className="rt-link-button" onClick={() => onShowCases(s.stepId)} aria-label={t('monev.steps.cases', { row: s.number ?? s.row })}>
                    {t('monev.drill.all')}
                  </button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Steps ranked by working hours past their Waktu. */
export function BottleneckRanking({ measures }: { measures: MonevMeasures }) {
  const { t, lang } = useI18n();
  const byId = new Map(measures.steps.map((s) => [s.stepId, s]));
  const rows = measures.bottlenecks.filter((b) => b.totalMinutes > 0);
  const worst = rows[0] && rows[0].hasStandard && rows[0].overMinutes > 0 ? rows[0] : undefined;
  const chart = useMemo(() => {
    const steps = new Map(measures.steps.map((s) => [s.stepId, s]));
    const data = measures.bottlenecks
      .filter((b) => b.overMinutes > 0)
      .slice(0, 10)
      .map((b) => ({ label: shortLabel(steps.get(b.stepId) ?? { row: b.row, name: b.stepId }), hours: b.overMinutes / 60 }));
    if (data.length === 0) return null;
    return {
      height: 40 + data.length * 22,
      marginLeft: 260,
      x: { grid: true, label: t('monev.bottlenecks.over') },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [Plot.barX(data, { x: 'hours', y: 'label', fill: '#c62828' }), Plot.ruleX([0])],
    };
  }, [measures, t]);
  const nameOf = (b: Bottleneck) => <StepName step={byId.get(b.stepId) ?? { row: b.row, name: b.stepId }} />;
  return (
    <ChartWithTable
      title={t('monev.bottlenecks.title')}
      description={t('monev.bottlenecks.description')}
      chart={chart}
      rows={rows}
      rowKey={(b) => b.stepId}
      empty={t('monev.page.noCases')}
      columns={[
        { header: t('monev.bottlenecks.rank'), cell: (b) => String(rows.indexOf(b) + 1), numeric: true },
        { header: t('monev.steps.step'), cell: nameOf },
        { header: t('monev.bottlenecks.over'), cell: (b) => (b.hasStandard ? formatHours(b.overMinutes, lang) : t('monev.steps.noStandard')), numeric: true },
        { header: t('monev.bottlenecks.late'), cell: (b) => formatShare(b.shareLate, lang), numeric: true },
        { header: t('monev.bottlenecks.total'), cell: (b) => formatHours(b.totalMinutes, lang), numeric: true },
      ]}
    >
      {worst && (
        <p className="mv-worst" role="note">
          {t('monev.bottlenecks.worst', { row: byId.get(worst.stepId)?.number ?? worst.row, name: shortStepName(byId.get(worst.stepId)?.name ?? worst.stepId), share: formatShare(worst.shareLate, lang) })}
        </p>
      )}
    </ChartWithTable>
  );
}

/** Where cases wait while nobody in the office works on them, and why they were sent back. */
export function WaitsAndReasons({ measures }: { measures: MonevMeasures }) {
  const { t, lang } = useI18n();
  const places = (['joins', 'signatures', 'waitSteps', 'applicant'] as const).map((key) => ({ key, ...measures.waits[key] })).filter((p) => p.count > 0);
  const reasons = useMemo(() => {
    const counts = new Map<string, number>();
    for (const step of measures.steps) for (const r of step.returns.reasons) counts.set(r.reason, (counts.get(r.reason) ?? 0) + r.count);
    return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  }, [measures]);
  return (
    <>
      <ChartWithTable
        title={t('monev.waits.title')}
        description={t('monev.waits.description')}
        chart={null}
        rows={places}
        rowKey={(p) => p.key}
        empty={t('monev.page.noCases')}
        columns={[
          { header: t('monev.waits.place'), cell: (p) => t(`monev.waits.${p.key}`) },
          { header: t('monev.waits.count'), cell: (p) => formatCount(p.count, lang), numeric: true },
          { header: t('monev.steps.median'), cell: (p) => t('monev.hours', { value: formatHours(p.median, lang) }), numeric: true },
          { header: t('monev.steps.p90'), cell: (p) => t('monev.hours', { value: formatHours(p.p90, lang) }), numeric: true },
          { header: t('monev.bottlenecks.total'), cell: (p) => formatHours(p.totalMinutes, lang), numeric: true },
        ]}
      />
      <ChartWithTable
        title={t('monev.reasons.title')}
        chart={null}
        rows={reasons}
        rowKey={(r) => r.reason}
        empty={t('monev.page.noCases')}
        columns={[
          { header: t('monev.reasons.reason'), cell: (r) => r.reason },
          { header: t('monev.waits.count'), cell: (r) => formatCount(r.count, lang), numeric: true },
        ]}
      />
    </>
  );
}
