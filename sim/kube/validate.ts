// The admission checks of the real API server and OCM's CRD schemas that matter to callers:
// object names, and the EKS ARN pattern OCM enforces on registration settings.

import { type KindInfo } from './resources.js';
import { invalid } from './status.js';
import type { KubeObject } from './types.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const EKS_ARN_SOURCE = '^arn:aws:eks:([a-zA-Z0-9-]+):(\\d{12}):cluster/([a-zA-Z0-9-]+)$';
const EKS_ARN = new RegExp(EKS_ARN_SOURCE);

export function validateName(info: KindInfo, name: string): void {
  const labelOnly = info.kind === 'Namespace';
  const pattern = labelOnly ? DNS_LABEL : DNS_SUBDOMAIN;
  if (name.length <= (labelOnly ? 63 : 253) && pattern.test(name)) return;
  const rule = labelOnly ? 'RFC 1123 label' : 'RFC 1123 subdomain';
  const cause =
    `Invalid value: "${name}": a lowercase ${rule} must consist of lower case alphanumeric ` +
    "characters, '-' or '.', and must start and end with an alphanumeric character";
  throw invalid(info, name, 'metadata.name', cause);
}

function checkArn(info: KindInfo, obj: KubeObject, field: string, value: unknown): void {
  if (value === undefined || value === '') return;
  if (typeof value === 'string' && EKS_ARN.test(value)) return;
  const name = obj.metadata.name ?? '';
  throw invalid(
    info,
    name,
    field,
    `Invalid value: "${String(value)}": ${field} in body should match '${EKS_ARN_SOURCE}'`,
  );
}

export function validateObject(info: KindInfo, obj: KubeObject): void {
  if (info.kind === 'ClusterManager') {
    const drivers: unknown[] = obj.spec?.registrationConfiguration?.registrationDrivers ?? [];
    drivers.forEach((driver, index) => {
      const arn = (driver as { awsirsa?: { hubClusterArn?: unknown } })?.awsirsa?.hubClusterArn;
      const field = `spec.registrationConfiguration.registrationDrivers[${index}]`;
      checkArn(info, obj, `${field}.awsirsa.hubClusterArn`, arn);
    });
  }
  if (info.kind === 'Klusterlet') {
    const irsa = obj.spec?.registrationConfiguration?.registrationDriver?.awsIrsa ?? {};
    const base = 'spec.registrationConfiguration.registrationDriver.awsIrsa';
    checkArn(info, obj, `${base}.hubClusterArn`, irsa.hubClusterArn);
    checkArn(info, obj, `${base}.managedClusterArn`, irsa.managedClusterArn);
  }
}
