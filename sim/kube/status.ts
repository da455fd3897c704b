// Kubernetes `Status` failures, so clients see the same JSON a real API server sends.

import { type KindInfo, qualifiedName } from './resources.js';

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function statusBody(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, unknown>,
): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function detailsOf(info: KindInfo, name: string): Record<string, unknown> {
  return { name, group: info.group, kind: info.plural };
}

export function notFound(info: KindInfo, name: string): ApiError {
  const message = `${qualifiedName(info)} "${name}" not found`;
  return new ApiError(404, 'NotFound', message, detailsOf(info, name));
}

export function alreadyExists(info: KindInfo, name: string): ApiError {
  const message = `${qualifiedName(info)} "${name}" already exists`;
  return new ApiError(409, 'AlreadyExists', message, detailsOf(info, name));
}

export function conflict(info: KindInfo, name: string): ApiError {
  const message =
    `Operation cannot be fulfilled on ${qualifiedName(info)} "${name}": the object has been ` +
    'modified; please apply your changes to the latest version and try again';
  return new ApiError(409, 'Conflict', message, detailsOf(info, name));
}

export function invalid(info: KindInfo, name: string, field: string, cause: string): ApiError {
  const message = `${info.kind}.${info.group || 'core'} "${name}" is invalid: ${field}: ${cause}`;
  return new ApiError(422, 'Invalid', message, detailsOf(info, name));
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}
