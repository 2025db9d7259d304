/**
 * The Monaco part of the JSON view. This module (and Monaco with it) is only
 * loaded when the JSON view is first opened: JsonView imports it lazily.
 */
import Editor from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { monaco, sopModelUri } from './monacoSetup';

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
}

export default function MonacoJsonEditor({ sopId, text, ariaLabel, loadingLabel, onTextChange, onUndo, onRedo, onReady }: MonacoJsonEditorProps) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
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
        // @monaco-editor/react subscribes onChange in an effect right after this one.
        setTimeout(() => onReady?.(), 0);
      }}
      onChange={(value) => {
        if (value !== undefined) handlers.current.onTextChange(value);
      }}
    />
  );
}
