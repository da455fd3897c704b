// Status conditions as OCM controllers write them: one entry per type, and the transition time
// moves only when the status value changes.

import type { Condition, KubeObject } from './types.js';

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function getCondition(obj: KubeObject | undefined, type: string): Condition | undefined {
  const list: Condition[] = obj?.status?.conditions ?? [];
  return list.find((c) => c.type === type);
}

export function isTrue(obj: KubeObject | undefined, type: string): boolean {
  return getCondition(obj, type)?.status === 'True';
}

/** Sets one condition on `obj` in place; returns whether anything changed. */
export function setCondition(
  obj: KubeObject,
  type: string,
  status: Condition['status'],
  reason: string,
  message: string,
): boolean {
  obj.status ??= {};
  const list: Condition[] = (obj.status.conditions ??= []);
  const existing = list.find((c) => c.type === type);
  const observedGeneration = obj.metadata.generation;
  if (existing) {
    if (
      existing.status === status &&
      existing.reason === reason &&
      existing.message === message &&
      existing.observedGeneration === observedGeneration
    ) {
      return false;
    }
    if (existing.status !== status) existing.lastTransitionTime = now();
    Object.assign(existing, { status, reason, message, observedGeneration });
    return true;
  }
  list.push({ type, status, reason, message, lastTransitionTime: now(), observedGeneration });
  return true;
}
