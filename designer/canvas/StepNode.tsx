import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepFlowNode } from './flowElements';
import { SymbolShape } from './SymbolShape';

/**
 * One symbol on the canvas. Handles (shown on hover and when selected) start
 * a new arrow from the bottom and accept one at the top; the arrow itself is
 * routed by the layout, not by the handle positions.
 */
export const StepNode = memo(function StepNode({ data, width, height, selected }: NodeProps<StepFlowNode>) {
  const w = width ?? 54;
  const h = height ?? 33;
  const isExit = data.kind === 'exit';
  return (
    <div
      className={`step-node step-node--${data.kind} ${selected ? 'step-node--selected' : ''} ${data.problem ? `step-node--${data.problem}` : ''} ${data.external ? 'step-node--external' : ''}`}
      title={data.label}
    >
      {/* An exit marker takes no new arrows, but its own arrow needs an end to be drawn. */}
      <Handle type="target" position={Position.Top} className={`step-node__handle${isExit ? ' step-node__handle--hidden' : ''}`} isConnectable={!isExit} />
      <SymbolShape
        kind={data.kind}
        width={w}
        height={h}
        letter={data.kind === 'connector' ? data.text : undefined}
        split={data.split === true}
        join={data.join === true}
        external={data.external}
      />
      {isExit && data.text && <span className="step-node__exit-text">{data.text}</span>}
      {data.openNotes !== undefined && data.openNotes > 0 && (
        // The count is in the node's accessible name too; the badge is what a sighted drafter scans for.
        <span className="step-node__notes" aria-hidden="true" data-testid="review-note-badge">
          {data.openNotes}
        </span>
      )}
      {!isExit && <Handle type="source" position={Position.Bottom} className="step-node__handle" />}
    </div>
  );
});
