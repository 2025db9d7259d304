/**
 * Indonesian messages of the designer area. Each area keeps its own catalogue
 * pair so work on one app never edits another's strings; keys start with
 * `designer.`. Merged into the reference catalogue in ../messages.id.ts.
 */
export const designerMessagesId = {
} satisfies Record<string, string>;
