/**
 * The Monaco part of the JSON view. This module (and Monaco with it) is only
 * loaded when the JSON view is first opened: JsonView imports it lazily.
 */
import Editor from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import type { JsonMarker } from './jsonText';
import { monaco, sopModelUri } from './monacoSetup';

/** Owner of our markers in the model: the problems this app found, in the interface language. */
const MARKER_OWNER = 'sop-studio';

export interface MonacoJsonEditorProps {
  sopId: string;
  /** The text to show. When it changes from outside, the editor's text is replaced. */
  text: string;
  ariaLabel: string;
  loadingLabel: string;
  onTextChange: (text: string) => void;
  /**
   * Ctrl+Z / Ctrl+Y while the text is what the document holds run the
   * designer's undo/redo (across views); while the text is being edited and is
   * not valid yet, they undo the typing inside the editor.
   */
  onUndo: () => boolean;
  onRedo: () => boolean;
  /** The editor is mounted and listening for changes. */
  onReady?: () => void;
  /** Problems to underline in the text (Monaco's own JSON diagnostics are off: they speak only English). */
  markers?: readonly JsonMarker[];
}

export default function MonacoJsonEditor({ sopId, text, ariaLabel, loadingLabel, onTextChange, onUndo, onRedo, onReady, markers = [] }: MonacoJsonEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const [mounted, setMounted] = useState(false);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markers.map((marker) => {
        const start = model.getPositionAt(marker.start);
        const end = model.getPositionAt(Math.max(marker.end, marker.start + 1));
        return {
          severity: marker.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: marker.message,
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        };
      }),
    );
  }, [markers, mounted]);
  const handlers = useRef({ onTextChange, onUndo, onRedo });
  handlers.current = { onTextChange, onUndo, onRedo };
  /** The text the editor was last given from outside (not typed). */
  const pushed = useRef(text);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || text === pushed.current) return;
    pushed.current = text;
    const model = editor.getModel();
    if (!model || model.getValue() === text) return;
    // An edit as one replace keeps the cursor and scroll roughly where they were.
    const position = editor.getPosition();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    if (position) editor.setPosition(position);
  }, [text]);

  return (
    <Editor
      path={sopModelUri(sopId).toString()}
      defaultLanguage="json"
      defaultValue={text}
      loading={<p className="muted">{loadingLabel}</p>}
      options={{
        ariaLabel,
        automaticLayout: true,
        minimap: { enabled: false },
        tabSize: 2,
        insertSpaces: true,
        wordWrap: 'on',
        scrollBeyondLastLine: false,
        fontSize: 13,
        renderValidationDecorations: 'on',
        fixedOverflowWidgets: true,
        // Completion comes from the SOP schema; words from the text are noise.
        wordBasedSuggestions: 'off',
      }}
      onMount={(editor) => {
        editorRef.current = editor;
        const model = editor.getModel();
        if (model && model.getValue() !== pushed.current) model.setValue(pushed.current);
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => {
          if (!handlers.current.onUndo()) editor.trigger('keyboard', 'undo', null);
        });
        const redo = () => {
          if (!handlers.current.onRedo()) editor.trigger('keyboard', 'redo', null);
        };
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, redo);
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, redo);
        setMounted(true);
        // @monaco-editor/react subscribes onChange in an effect right after this one.
        setTimeout(() => onReady?.(), 0);
      }}
      onChange={(value) => {
        if (value !== undefined) handlers.current.onTextChange(value);
      }}
    />
  );
}
