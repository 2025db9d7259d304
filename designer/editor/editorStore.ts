/**
 * The open SOP: the command history (core/document) plus what the editor
 * shows (flow, view, panel, selection) and what it tells the drafter
 * (notices, save state). Plain TypeScript with a subscribe/getSnapshot pair
 * for React's useSyncExternalStore; the React components are thin views of it.
 *
 * Every document edit goes through `run` (a named command); nothing else
 * changes the document, except `load` (never undoable).
 */
import {
  createHistory,
  locatePointer,
  type Command,
  type CommandOutcome,
  type History,
  type HistoryState,
  type LocalizedText,
} from '../../core/document';
import type { SopDocument } from '../../schemas/generated/sop.types';
import type { DesignerView } from '../storage';

export type PanelId = 'properties' | 'lanes' | 'identity' | 'caseFields' | 'history';

export type Selection =
  | { kind: 'none' }
  | { kind: 'steps'; flowId: string; ids: string[] }
  | { kind: 'edge'; flowId: string; id: string }
  | { kind: 'lane'; flowId: string; id: string }
  | { kind: 'section'; flowId: string; id: string }
  | { kind: 'caseField'; id: string }
  | { kind: 'identity' };

export interface Notice {
  id: number;
  text: LocalizedText;
  tone: 'info' | 'error';
  action?: { label: LocalizedText; run: () => void };
}

export type SaveState =
  | { status: 'saved' }
  | { status: 'pending' }
  | { status: 'error'; message: LocalizedText }
  | { status: 'conflict' };

export interface EditorUiState {
  flowId: string;
  view: DesignerView;
  panel: PanelId;
  selection: Selection;
  /** A field inside the selection to focus (from a problem's pointer: "waktu/raw"). */
  focusField?: string;
  /** Increments whenever focus is requested, so the same field can be focused twice. */
  focusRequest: number;
  notice: Notice | null;
  save: SaveState;
  /** Another tab of this browser has the same SOP open. */
  otherTab: boolean;
}

export interface EditorSnapshot extends HistoryState {
  ui: EditorUiState;
}

export const NO_SELECTION: Selection = { kind: 'none' };

export class EditorStore {
  readonly history: History;
  private ui: EditorUiState;
  private snapshot: EditorSnapshot | undefined;
  private readonly listeners = new Set<() => void>();
  private noticeCounter = 0;

  constructor(doc: SopDocument, initial: Partial<Pick<EditorUiState, 'flowId' | 'view' | 'panel' | 'selection'>> = {}) {
    this.history = createHistory(doc);
    const flowId = initial.flowId && doc.flows.some((f) => f.id === initial.flowId) ? initial.flowId : (doc.flows[0]?.id ?? '');
    this.ui = {
      flowId,
      view: initial.view ?? 'canvas',
      panel: initial.panel ?? 'properties',
      selection: initial.selection ?? NO_SELECTION,
      focusRequest: 0,
      notice: null,
      save: { status: 'saved' },
      otherTab: false,
    };
    this.history.subscribe(() => this.changed());
  }

  get doc(): SopDocument {
    return this.history.doc;
  }

  get state(): EditorUiState {
    return this.ui;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): EditorSnapshot => {
    if (!this.snapshot) this.snapshot = { ...this.history.getState(), ui: this.ui };
    return this.snapshot;
  };

  private changed(): void {
    this.snapshot = undefined;
    for (const listener of [...this.listeners]) listener();
  }

  private setUi(patch: Partial<EditorUiState>): void {
    this.ui = { ...this.ui, ...patch };
    this.changed();
  }

  /** The flow on screen; falls back to the first flow when it was removed. */
  get flow() {
    const doc = this.doc;
    return doc.flows.find((f) => f.id === this.ui.flowId) ?? doc.flows[0];
  }

  /**
   * Runs a command. A refusal is shown to the drafter (with its reason) and
   * returned; on success the command's selection is applied and its message
   * (what was repaired) shown.
   */
  run(cmd: Command, options: { select?: boolean; coalesce?: boolean | string; quiet?: boolean } = {}): CommandOutcome {
    const outcome = this.history.execute(cmd, options.coalesce !== undefined ? { coalesce: options.coalesce } : {});
    if (!outcome.ok) {
      if (!options.quiet) this.notify(outcome.reason, 'error');
      return outcome;
    }
    if (options.select !== false && outcome.select.length > 0) {
      const selection = selectionFromRefs(outcome.select);
      if (selection) this.select(selection);
    }
    if (outcome.message) this.notify(outcome.message, 'info');
    this.fixFlow();
    return outcome;
  }

  /** Several commands as one undo step (a drag: lane and row). Cancelled when one is refused. */
  runAll(title: LocalizedText | undefined, commands: readonly Command[]): boolean {
    let refused: LocalizedText | undefined;
    this.history.beginTransaction(title);
    for (const cmd of commands) {
      const outcome = this.history.execute(cmd);
      if (!outcome.ok) {
        refused = outcome.reason;
        break;
      }
    }
    if (refused) {
      this.history.cancelTransaction();
      this.notify(refused, 'error');
      return false;
    }
    this.history.commitTransaction();
    return true;
  }

  undo(): void {
    const outcome = this.history.undo();
    if (outcome && !outcome.ok) this.notify(outcome.reason, 'error');
    this.afterTimeTravel();
  }

  redo(): void {
    const outcome = this.history.redo();
    if (outcome && !outcome.ok) this.notify(outcome.reason, 'error');
    this.afterTimeTravel();
  }

  /** Ends a burst of typing: the next keystroke starts a new undo step. */
  seal(): void {
    this.history.seal();
  }

  /** Drops a selection that points at something that no longer exists, after undo/redo. */
  private afterTimeTravel(): void {
    this.fixFlow();
    const selection = this.ui.selection;
    if (!selectionExists(this.doc, selection)) this.setUi({ selection: NO_SELECTION });
  }

  private fixFlow(): void {
    const flow = this.flow;
    if (flow && flow.id !== this.ui.flowId) this.setUi({ flowId: flow.id, selection: NO_SELECTION });
  }

  /** Replaces the document without an undo step (loading, another tab's version). */
  load(doc: SopDocument): void {
    this.history.reset(doc);
    this.afterTimeTravel();
  }

  select(selection: Selection, focusField?: string): void {
    const patch: Partial<EditorUiState> = { selection };
    if ('flowId' in selection && selection.flowId !== this.ui.flowId) patch.flowId = selection.flowId;
    if (focusField !== undefined) {
      patch.focusField = focusField;
      patch.focusRequest = this.ui.focusRequest + 1;
    } else if (this.ui.focusField !== undefined) patch.focusField = undefined;
    this.setUi(patch);
  }

  /** Selects what a diagnostic points at, switching flow and panel as needed. */
  selectPointer(pointer: string): void {
    const located = locatePointer(this.doc, pointer);
    const field = located.field;
    switch (located.kind) {
      case 'step':
        this.select({ kind: 'steps', flowId: located.flowId!, ids: [located.id!] }, field ?? 'text');
        this.setPanel('properties');
        return;
      case 'edge':
        this.select({ kind: 'edge', flowId: located.flowId!, id: located.id! }, field ?? '');
        this.setPanel('properties');
        return;
      case 'lane':
        if (located.flowId) this.select({ kind: 'lane', flowId: located.flowId, id: located.id! }, '');
        this.setPanel('lanes');
        return;
      case 'section':
        this.select({ kind: 'section', flowId: located.flowId!, id: located.id! }, '');
        this.setPanel('properties');
        return;
      case 'caseField':
        this.select({ kind: 'caseField', id: located.id! }, field ?? '');
        this.setPanel('caseFields');
        return;
      case 'flow':
        if (located.flowId) this.setFlow(located.flowId);
        this.setPanel('lanes');
        return;
      case 'identity':
        this.select({ kind: 'identity' }, field ?? '');
        this.setPanel('identity');
        return;
      case 'field':
        if (field?.startsWith('headerBlocks') || field?.startsWith('columns')) {
          this.select({ kind: 'identity' }, field);
          this.setPanel('identity');
        } else if (field?.startsWith('caseFields')) this.setPanel('caseFields');
        else if (field?.startsWith('actors')) this.setPanel('lanes');
        return;
    }
  }

  setFlow(flowId: string): void {
    if (flowId === this.ui.flowId) return;
    this.setUi({ flowId, selection: NO_SELECTION });
  }

  setView(view: DesignerView): void {
    if (view !== this.ui.view) this.setUi({ view });
  }

  setPanel(panel: PanelId): void {
    if (panel !== this.ui.panel) this.setUi({ panel });
  }

  notify(text: LocalizedText, tone: Notice['tone'] = 'info', action?: Notice['action']): void {
    this.setUi({ notice: { id: ++this.noticeCounter, text, tone, ...(action ? { action } : {}) } });
  }

  dismissNotice(): void {
    if (this.ui.notice) this.setUi({ notice: null });
  }

  setSave(save: SaveState): void {
    const current = this.ui.save;
    if (current.status === save.status && !('message' in save)) return;
    this.setUi({ save });
  }

  setOtherTab(otherTab: boolean): void {
    if (otherTab !== this.ui.otherTab) this.setUi({ otherTab });
  }

  /** The ids of the selected steps in the flow on screen. */
  get selectedStepIds(): string[] {
    const selection = this.ui.selection;
    return selection.kind === 'steps' && selection.flowId === this.flow?.id ? selection.ids : [];
  }
}

function selectionFromRefs(refs: readonly { kind: string; id?: string; flowId?: string }[]): Selection | null {
  const steps = refs.filter((r) => r.kind === 'step' && r.id && r.flowId);
  if (steps.length > 0) return { kind: 'steps', flowId: steps[0]!.flowId!, ids: steps.map((r) => r.id!) };
  const first = refs[0];
  if (!first) return null;
  if (first.kind === 'edge' && first.id && first.flowId) return { kind: 'edge', flowId: first.flowId, id: first.id };
  if (first.kind === 'lane' && first.id && first.flowId) return { kind: 'lane', flowId: first.flowId, id: first.id };
  if (first.kind === 'section' && first.id && first.flowId) return { kind: 'section', flowId: first.flowId, id: first.id };
  if (first.kind === 'caseField' && first.id) return { kind: 'caseField', id: first.id };
  return null;
}

export function selectionExists(doc: SopDocument, selection: Selection): boolean {
  switch (selection.kind) {
    case 'none':
    case 'identity':
      return true;
    case 'caseField':
      return (doc.caseFields ?? []).some((f) => f.id === selection.id);
    default: {
      const flow = doc.flows.find((f) => f.id === selection.flowId);
      if (!flow) return false;
      if (selection.kind === 'steps') return selection.ids.every((id) => flow.steps.some((s) => s.id === id));
      if (selection.kind === 'edge') return flow.edges.some((e) => e.id === selection.id);
      if (selection.kind === 'lane') return flow.lanes.includes(selection.id);
      return (flow.sections ?? []).some((s) => s.id === selection.id);
    }
  }
}
