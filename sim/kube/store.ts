// The object store behind the REST paths: create, update, patch and delete with the metadata
// rules of a real API server (uid, resourceVersion, generation, finalizers, no-op updates).

import { randomBytes, randomUUID } from 'node:crypto';

import { canonical, matchesSelector, withoutVersion } from './compare.js';
import { now } from './conditions.js';
import { jsonPatch, mergePatch } from './patch.js';
import { type KindInfo, KINDS, NAMESPACE_KIND, apiVersionOf, requireKind } from './resources.js';
import { ApiError, alreadyExists, badRequest, conflict, notFound } from './status.js';
import type { KubeObject } from './types.js';
import { validateName, validateObject } from './validate.js';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type ChangeListener = (info: KindInfo, obj: KubeObject, type: ChangeType) => void;

const SERVER_OWNED = ['uid', 'creationTimestamp', 'deletionTimestamp', 'generation'] as const;

export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  private readonly listeners: ChangeListener[] = [];
  private revision = 0;

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  get(info: KindInfo, name: string, namespace?: string): KubeObject | undefined {
    const found = this.objects.get(this.key(info, name, namespace));
    return found && structuredClone(found);
  }

  list(info: KindInfo, namespace?: string, labelSelector?: string): KubeObject[] {
    return [...this.objects.values()]
      .filter((o) => o.kind === info.kind && o.apiVersion === apiVersionOf(info))
      .filter((o) => !namespace || !info.namespaced || o.metadata.namespace === namespace)
      .filter((o) => matchesSelector(o, labelSelector))
      .map((o) => structuredClone(o));
  }

  listRevision(): string {
    return String(this.revision);
  }

  create(info: KindInfo, namespace: string | undefined, body: KubeObject): KubeObject {
    const obj: KubeObject = structuredClone(body);
    obj.metadata ??= {};
    const meta = obj.metadata;
    if (!meta.name && meta.generateName) meta.name = meta.generateName + randomSuffix();
    if (!meta.name) {
      const message = 'metadata.name: Required value: name or generateName is required';
      throw new ApiError(422, 'Invalid', message);
    }
    validateName(info, meta.name);
    if (info.namespaced) {
      if (meta.namespace && namespace && meta.namespace !== namespace) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      meta.namespace = namespace ?? meta.namespace ?? 'default';
      if (!this.objects.has(this.key(NAMESPACE_KIND, meta.namespace))) {
        throw notFound(NAMESPACE_KIND, meta.namespace);
      }
    } else {
      delete meta.namespace;
    }
    if (this.objects.has(this.key(info, meta.name, meta.namespace))) {
      throw alreadyExists(info, meta.name);
    }

    Object.assign(meta, { uid: randomUUID(), creationTimestamp: now(), generation: 1 });
    delete meta.deletionTimestamp;
    if (info.statusSubresource) delete obj.status;
    if (info === NAMESPACE_KIND) obj.status = { phase: 'Active' };
    return this.write(info, obj, 'ADDED');
  }

  update(
    info: KindInfo,
    name: string,
    namespace: string | undefined,
    body: KubeObject,
    subresource?: string,
  ): KubeObject {
    const current = this.mustGet(info, name, namespace);
    const incoming: KubeObject = structuredClone(body);
    incoming.metadata ??= {};
    if (incoming.metadata.name && incoming.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${incoming.metadata.name}) does not match the name on the URL ` +
          `(${name})`,
      );
    }
    const version = incoming.metadata.resourceVersion;
    if (version && version !== current.metadata.resourceVersion) throw conflict(info, name);
    return this.commit(info, current, incoming, subresource);
  }

  patch(
    info: KindInfo,
    name: string,
    namespace: string | undefined,
    contentType: string,
    body: unknown,
    subresource?: string,
  ): KubeObject {
    const current = this.mustGet(info, name, namespace);
    let patched: KubeObject;
    if (contentType.startsWith('application/json-patch+json')) {
      patched = jsonPatch(current, body) as KubeObject;
    } else if (/^application\/(merge-patch|strategic-merge-patch)\+json/.test(contentType)) {
      patched = mergePatch(current, body) as KubeObject;
    } else {
      throw new ApiError(
        415,
        'UnsupportedMediaType',
        'the body of the request was in an unknown format - accepted media types include: ' +
          'application/json-patch+json, application/merge-patch+json, ' +
          'application/strategic-merge-patch+json',
      );
    }
    patched.metadata ??= {};
    const version = patched.metadata.resourceVersion;
    if (version && version !== current.metadata.resourceVersion) throw conflict(info, name);
    return this.commit(info, current, patched, subresource);
  }

  delete(info: KindInfo, name: string, namespace?: string): KubeObject {
    const current = this.mustGet(info, name, namespace);
    if (current.metadata.finalizers?.length) {
      if (current.metadata.deletionTimestamp) return current;
      current.metadata.deletionTimestamp = now();
      return this.write(info, current, 'MODIFIED');
    }
    this.drop(info, current);
    return current;
  }

  /** Writes an object as given (seeding and tampering); fills only missing server metadata. */
  put(obj: KubeObject, notify = true): KubeObject {
    const info = requireKind(obj.apiVersion ?? '', obj.kind ?? '');
    const copy: KubeObject = structuredClone(obj);
    const meta = copy.metadata;
    if (!meta?.name) throw new Error('put needs metadata.name');
    if (info.namespaced && !meta.namespace) {
      throw new Error(`put needs a namespace for ${info.kind}`);
    }
    meta.uid ??= randomUUID();
    meta.creationTimestamp ??= now();
    meta.generation ??= 1;
    const existed = this.objects.has(this.key(info, meta.name, meta.namespace));
    return this.write(info, copy, existed ? 'MODIFIED' : 'ADDED', notify);
  }

  /** Removes an object at once, whatever its finalizers say. */
  remove(info: KindInfo, name: string, namespace?: string): boolean {
    const current = this.objects.get(this.key(info, name, namespace));
    if (!current) return false;
    this.drop(info, structuredClone(current));
    return true;
  }

  private commit(
    info: KindInfo,
    current: KubeObject,
    incoming: KubeObject,
    subresource?: string,
  ): KubeObject {
    let next: KubeObject;
    if (subresource === 'status') {
      next = structuredClone(current);
      next.status = incoming.status;
    } else {
      next = incoming;
      const meta: Record<string, unknown> = next.metadata;
      for (const field of SERVER_OWNED) meta[field] = current.metadata[field];
      next.metadata.name = current.metadata.name;
      next.metadata.namespace = current.metadata.namespace;
      if (info.statusSubresource || info === NAMESPACE_KIND) next.status = current.status;
      if (canonical(next.spec) !== canonical(current.spec)) {
        next.metadata.generation = (current.metadata.generation ?? 1) + 1;
      }
    }
    for (const [key, value] of Object.entries(next.metadata)) {
      if (value === undefined) delete next.metadata[key];
    }
    if (next.status === undefined) delete next.status;
    next.apiVersion = apiVersionOf(info);
    next.kind = info.kind;
    validateObject(info, next);

    if (next.metadata.deletionTimestamp && !next.metadata.finalizers?.length) {
      this.drop(info, next);
      return next;
    }
    // A write that changes nothing keeps its resourceVersion, so idempotent clients are visible.
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    if (withoutVersion(next) === withoutVersion(current)) return current;
    return this.write(info, next, 'MODIFIED');
  }

  private write(info: KindInfo, obj: KubeObject, type: ChangeType, notify = true): KubeObject {
    obj.apiVersion = apiVersionOf(info);
    obj.kind = info.kind;
    if (type !== 'DELETED') validateObject(info, obj);
    this.revision += 1;
    obj.metadata.resourceVersion = String(this.revision);
    this.objects.set(this.key(info, obj.metadata.name ?? '', obj.metadata.namespace), obj);
    if (notify) this.emit(info, obj, type);
    return structuredClone(obj);
  }

  private drop(info: KindInfo, obj: KubeObject): void {
    this.objects.delete(this.key(info, obj.metadata.name ?? '', obj.metadata.namespace));
    this.revision += 1;
    this.emit(info, obj, 'DELETED');
    // Deleting a namespace takes everything inside it along.
    if (info === NAMESPACE_KIND) {
      for (const kind of KINDS.filter((k) => k.namespaced)) {
        for (const child of this.list(kind, obj.metadata.name)) {
          this.drop(kind, child);
        }
      }
    }
  }

  private emit(info: KindInfo, obj: KubeObject, type: ChangeType): void {
    for (const listener of this.listeners) listener(info, structuredClone(obj), type);
  }

  private mustGet(info: KindInfo, name: string, namespace?: string): KubeObject {
    const found = this.get(info, name, namespace);
    if (!found) throw notFound(info, name);
    return found;
  }

  private key(info: KindInfo, name: string, namespace?: string): string {
    return `${info.group}/${info.plural}/${info.namespaced ? (namespace ?? '') : ''}/${name}`;
  }
}

function randomSuffix(): string {
  return randomBytes(3).toString('hex').slice(0, 5);
}
