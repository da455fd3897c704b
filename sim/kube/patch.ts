// The two patch formats clients send: JSON merge patch (RFC 7386) and JSON patch (RFC 6902).
// Strategic merge patch is treated as a merge patch, which is exact for the objects served here.

import { ApiError, badRequest } from './status.js';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

interface Operation {
  op: string;
  path: string;
  value?: Json;
  from?: string;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw badRequest(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Returns the container that holds the last token of the path, and that token. */
function locate(
  doc: Json,
  tokens: string[],
  path: string,
): [Record<string, Json> | Json[], string] {
  let node: Json = doc;
  for (const token of tokens.slice(0, -1)) {
    let next: Json;
    if (Array.isArray(node)) next = node[Number(token)];
    else if (isObject(node)) next = node[token];
    if (next === undefined) throw badRequest(`json patch path "${path}" does not exist`);
    node = next;
  }
  if (!Array.isArray(node) && !isObject(node)) {
    throw badRequest(`json patch path "${path}" does not exist`);
  }
  return [node, tokens[tokens.length - 1]];
}

function readAt(doc: Json, path: string): Json {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return doc;
  const [parent, key] = locate(doc, tokens, path);
  const value = Array.isArray(parent) ? parent[Number(key)] : parent[key];
  if (value === undefined) throw badRequest(`json patch path "${path}" does not exist`);
  return value;
}

function removeAt(doc: Json, path: string): Json {
  const [parent, key] = locate(doc, parsePointer(path), path);
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (!(index >= 0 && index < parent.length)) throw badRequest(`index out of range: ${path}`);
    return parent.splice(index, 1)[0];
  }
  if (!(key in parent)) throw badRequest(`json patch path "${path}" does not exist`);
  const value = parent[key];
  delete parent[key];
  return value;
}

function addAt(doc: Json, path: string, value: Json, replace: boolean): Json {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return structuredClone(value);
  const [parent, key] = locate(doc, tokens, path);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!(index >= 0 && index <= parent.length)) throw badRequest(`index out of range: ${path}`);
    parent.splice(index, replace ? 1 : 0, structuredClone(value));
  } else {
    if (replace && !(key in parent)) throw badRequest(`json patch path "${path}" does not exist`);
    parent[key] = structuredClone(value);
  }
  return doc;
}

export function jsonPatch(target: Json, operations: Json): Json {
  if (!Array.isArray(operations)) throw badRequest('json patch must be an array of operations');
  let doc = structuredClone(target);
  for (const raw of operations as Operation[]) {
    switch (raw.op) {
      case 'add':
        doc = addAt(doc, raw.path, raw.value, false);
        break;
      case 'replace':
        doc = addAt(doc, raw.path, raw.value, true);
        break;
      case 'remove':
        removeAt(doc, raw.path);
        break;
      case 'copy':
        doc = addAt(doc, raw.path, readAt(doc, raw.from ?? ''), false);
        break;
      case 'move':
        doc = addAt(doc, raw.path, removeAt(doc, raw.from ?? ''), false);
        break;
      case 'test':
        if (JSON.stringify(readAt(doc, raw.path)) !== JSON.stringify(raw.value)) {
          throw new ApiError(422, 'Invalid', `json patch test failed at "${raw.path}"`);
        }
        break;
      default:
        throw badRequest(`unknown json patch operation "${String(raw.op)}"`);
    }
  }
  return doc;
}
