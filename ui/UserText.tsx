/**
 * Text someone typed (a name, a file name, a note) shown among the app's own
 * words. `<bdi>` isolates its direction, so a U+202E (right-to-left override)
 * or Arabic text reorders only itself and never the label or the list after
 * it; `overflow-wrap: anywhere` lets a 300-character name without spaces
 * wrap inside its column instead of pushing the page wider (on paper too).
 */
export function UserText({ children, className }: { children: string | null | undefined; className?: string }) {
  return <bdi className={className ? `user-text ${className}` : 'user-text'}>{children}</bdi>;
}
