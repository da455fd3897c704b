import { randomUUID } from 'node:crypto';
import type { SimAwsError } from './errors.js';

/** awsQuery answers (IAM and STS): an `<Action>Response` element in the service's namespace. */

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export type XmlValue =
  string | number | boolean | Date | undefined | XmlValue[] | { [element: string]: XmlValue };

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** IAM prints timestamps to the second. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function render(value: XmlValue): string {
  if (value === undefined) return '';
  if (value instanceof Date) return isoSeconds(value);
  if (Array.isArray(value)) return value.map((item) => `<member>${render(item)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .map(([name, child]) => `<${name}>${render(child)}</${name}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function queryResponse(namespace: string, action: string, result?: XmlValue): string {
  const body = result === undefined ? '' : `<${action}Result>${render(result)}</${action}Result>`;
  return (
    `<${action}Response xmlns="${namespace}">${body}` +
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>` +
    `</${action}Response>\n`
  );
}

export function queryError(namespace: string, error: SimAwsError): string {
  return (
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.faultType}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
    `</Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>\n`
  );
}
