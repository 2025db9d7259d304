// monaco-editor ships no declarations beside this entry point; it re-exports the JSON language's API.
declare module 'monaco-editor/language/json/monaco.contribution' {
  export { getWorker, jsonDefaults } from 'monaco-editor/languages/features/json/register';
}
