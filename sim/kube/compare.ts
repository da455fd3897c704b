// Comparisons the store needs: JSON equality that ignores key order, and label selectors.

import type { KubeObject } from './types.js';

export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function withoutVersion(obj: KubeObject): string {
  return canonical({ ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } });
}

export function matchesSelector(obj: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  const labels = obj.metadata.labels ?? {};
  return selector.split(',').every((term) => {
    const [key, value] = term.split(/!=|==|=/).map((part) => part.trim());
    if (value === undefined) return key in labels;
    return term.includes('!=') ? labels[key] !== value : labels[key] === value;
  });
}
