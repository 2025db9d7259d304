/**
 * Patches: the record of what a command changed, and how to take it back.
 *
 * Commands build their new document immutably; `diffDocuments` then compares
 * the two versions and writes down only the paths that differ. Because the
 * documents share every unchanged subtree, the comparison skips them by
 * reference and costs about as much as the edit itself. Every op carries both
 * its old and its new value, so the inverse is mechanical (`invertPatch`) and
 * undo can never disagree with the command that was run.
 */
import { jsonEqual } from '../model/deepEqual';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/**
 * `set`: the value at an object key or array index. `undefined` means "absent".
 * When a key appears or disappears, `keyOrder` keeps the object's key order so
 * an undone document serialises byte for byte as before.
 * `splice`: items removed from and inserted into an array at `index`.
 */
export type PatchOp =
  | {
      op: 'set';
      path: Path;
      before: unknown;
      after: unknown;
      keyOrder?: { before: readonly string[]; after: readonly string[] };
    }
  | { op: 'splice'; path: Path; index: number; removed: readonly unknown[]; inserted: readonly unknown[] };

export type Patch = readonly PatchOp[];

/** Thrown by `applyPatch` when the document no longer holds what the patch expects. */
export class PatchConflictError extends Error {
  constructor(readonly path: Path) {
    super(`The document changed at /${path.join('/')} since this patch was made`);
    this.name = 'PatchConflictError';
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The ops that turn `before` into `after`. Empty when they are equal. */
export function diffDocuments(before: unknown, after: unknown): PatchOp[] {
  const ops: PatchOp[] = [];
  diffValue(before, after, [], ops);
  return ops;
}

function diffValue(before: unknown, after: unknown, path: PathSegment[], ops: PatchOp[]): void {
  if (before === after) return;
  if (isObject(before) && isObject(after)) diffObject(before, after, path, ops);
  else if (Array.isArray(before) && Array.isArray(after)) diffArray(before, after, path, ops);
  else ops.push({ op: 'set', path, before, after });
}

function diffObject(before: JsonObject, after: JsonObject, path: PathSegment[], ops: PatchOp[]): void {
  const beforeKeys = presentKeys(before);
  const afterKeys = presentKeys(after);
  const sameKeys = beforeKeys.length === afterKeys.length && beforeKeys.every((k, i) => k === afterKeys[i]);
  // The same keys in another order: no key is added or removed to carry the new order, so the
  // object is replaced whole (rare: an edit never reorders keys; a pasted or imported value may).
  if (!sameKeys && beforeKeys.length === afterKeys.length && afterKeys.every((k) => k in before && before[k] !== undefined)) {
    ops.push({ op: 'set', path, before, after });
    return;
  }
  const keyOrder = sameKeys ? undefined : { before: beforeKeys, after: afterKeys };
  for (const key of new Set([...beforeKeys, ...afterKeys])) {
    const b = before[key];
    const a = after[key];
    if (b === undefined || a === undefined) {
      if (b !== a) ops.push({ op: 'set', path: [...path, key], before: b, after: a, ...(keyOrder ? { keyOrder } : {}) });
    } else {
      diffValue(b, a, [...path, key], ops);
    }
  }
}

function presentKeys(object: JsonObject): string[] {
  return Object.keys(object).filter((k) => object[k] !== undefined);
}

/**
 * One splice for the middle of the array, then finer ops for the matching
 * items around it. Items match by reference, by `id` (steps, edges, actors...)
 * or by `actor` (a step's actors); the splice comes first so the finer ops can
 * use the new indices, and the inverse (ops reversed) still lines up.
 */
function diffArray(before: readonly unknown[], after: readonly unknown[], path: PathSegment[], ops: PatchOp[]): void {
  const shortest = Math.min(before.length, after.length);
  let head = 0;
  while (head < shortest && sameItem(before[head], after[head])) head++;
  let beforeEnd = before.length;
  let afterEnd = after.length;
  while (beforeEnd > head && afterEnd > head && sameItem(before[beforeEnd - 1], after[afterEnd - 1])) {
    beforeEnd--;
    afterEnd--;
  }
  if (beforeEnd > head || afterEnd > head) {
    ops.push({ op: 'splice', path, index: head, removed: before.slice(head, beforeEnd), inserted: after.slice(head, afterEnd) });
  }
  for (let i = 0; i < head; i++) diffValue(before[i], after[i], [...path, i], ops);
  for (let j = 0; beforeEnd + j < before.length; j++) {
    diffValue(before[beforeEnd + j], after[afterEnd + j], [...path, afterEnd + j], ops);
  }
}

function itemKey(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  if (typeof item.id === 'string') return 'id:' + item.id;
  if (typeof item.actor === 'string') return 'actor:' + item.actor;
  return undefined;
}

function sameItem(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const keyA = itemKey(a);
  if (keyA !== undefined) return keyA === itemKey(b);
  // Unkeyed objects (change notes) match only when equal: then they need no op.
  return isObject(a) && isObject(b) && itemKey(b) === undefined && jsonEqual(a, b);
}

export function invertPatch(patch: Patch): PatchOp[] {
  return patch
    .slice()
    .reverse()
    .map((op): PatchOp =>
      op.op === 'set'
        ? {
            op: 'set',
            path: op.path,
            before: op.after,
            after: op.before,
            ...(op.keyOrder ? { keyOrder: { before: op.keyOrder.after, after: op.keyOrder.before } } : {}),
          }
        : { op: 'splice', path: op.path, index: op.index, removed: op.inserted, inserted: op.removed },
    );
}

/**
 * Patch `b` after patch `a`. A run of edits to the same text field (typing)
 * collapses into one op, so a coalesced undo step stays small.
 */
export function composePatches(a: Patch, b: Patch): PatchOp[] {
  const last = a[a.length - 1];
  const first = b[0];
  if (
    b.length === 1 && last?.op === 'set' && first?.op === 'set' &&
    !last.keyOrder && !first.keyOrder && samePath(last.path, first.path)
  ) {
    return [...a.slice(0, -1), { op: 'set', path: last.path, before: last.before, after: first.after }];
  }
  return [...a, ...b];
}

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/**
 * Applies a patch without touching `root`: each container on a changed path is
 * copied once (copy on first write), everything else is shared. Each op first
 * checks that the document still holds the op's `before`; if not it throws
 * PatchConflictError and `root` is untouched.
 */
export function applyPatch<T>(root: T, patch: Patch): T {
  if (patch.length === 0) return root;
  const copies = new WeakSet<object>();
  // A holder object lets a `set` at the root path replace the whole value like any other key.
  const holder: JsonObject = { root };
  for (const op of patch) {
    const full: PathSegment[] = ['root', ...op.path];
    const containerPath = op.op === 'set' ? full.slice(0, -1) : full;
    let container = holder as Record<PathSegment, unknown>;
    for (const segment of containerPath) {
      const child = container[segment];
      if (typeof child !== 'object' || child === null) throw new PatchConflictError(op.path);
      const writable = copies.has(child) ? child : Array.isArray(child) ? child.slice() : { ...(child as JsonObject) };
      copies.add(writable);
      container[segment] = writable;
      container = writable as Record<PathSegment, unknown>;
    }
    if (op.op === 'set') setInContainer(container, full[full.length - 1]!, op);
    else spliceContainer(container, op);
  }
  return holder.root as T;
}

function setInContainer(container: Record<PathSegment, unknown>, key: PathSegment, op: Extract<PatchOp, { op: 'set' }>): void {
  if (Array.isArray(container) && (typeof key !== 'number' || key >= container.length)) throw new PatchConflictError(op.path);
  if (!jsonEqual(container[key], op.before)) throw new PatchConflictError(op.path);
  if (op.after === undefined) delete container[key];
  else container[key] = op.after;
  if (op.keyOrder && !Array.isArray(container)) reorderKeys(container as JsonObject, op.keyOrder.after);
}

/** Rewrites the keys of a freshly copied object in `order` (keys not listed keep their place after). */
function reorderKeys(object: JsonObject, order: readonly string[]): void {
  const entries = Object.entries(object);
  const rank = new Map(order.map((k, i) => [k, i]));
  entries.sort((x, y) => (rank.get(x[0]) ?? order.length) - (rank.get(y[0]) ?? order.length));
  for (const [k] of entries) delete object[k];
  for (const [k, v] of entries) object[k] = v;
}

function spliceContainer(container: unknown, op: Extract<PatchOp, { op: 'splice' }>): void {
  if (!Array.isArray(container) || op.index + op.removed.length > container.length) throw new PatchConflictError(op.path);
  for (let i = 0; i < op.removed.length; i++) {
    if (!jsonEqual(container[op.index + i], op.removed[i])) throw new PatchConflictError(op.path);
  }
  container.splice(op.index, op.removed.length, ...op.inserted);
}
