/**
 * Indonesian messages of the print area. Each area keeps its own catalogue
 * pair so work on one app never edits another's strings; keys start with
 * `print.`. Merged into the reference catalogue in ../messages.id.ts.
 */
export const printMessagesId = {
} satisfies Record<string, string>;
