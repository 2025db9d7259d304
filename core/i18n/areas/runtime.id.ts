/**
 * Indonesian messages of the runtime area. Each area keeps its own catalogue
 * pair so work on one app never edits another's strings; keys start with
 * `runtime.`. Merged into the reference catalogue in ../messages.id.ts.
 */
export const runtimeMessagesId = {
} satisfies Record<string, string>;
