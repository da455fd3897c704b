import type { PlanRow } from '../summary.js';
import type { Klusterlet } from './ocm.js';

export interface WantedKlusterlet {
  clusterName: string;
  hubClusterArn: string;
  managedClusterArn: string;
}

const RESOURCE = 'Klusterlet klusterlet';

/**
 * Compares the spoke's Klusterlet with what spoke-join would make, and reports registration
 * trouble: a degraded condition or an Available condition that is not True.
 */
export function diffKlusterlet(
  current: Klusterlet | undefined,
  wanted: WantedKlusterlet,
): PlanRow[] {
  if (!current)
    return [
      {
        resource: RESOURCE,
        field: 'klusterlet',
        change: 'create',
        detail: 'the spoke has not joined a hub',
      },
    ];

  const rows: PlanRow[] = [];
  const driver = current.spec?.registrationConfiguration?.registrationDriver;
  const compare = (field: string, actual: string | undefined, expected: string) => {
    if (actual !== expected)
      rows.push({
        resource: RESOURCE,
        field,
        change: 'update',
        detail: `${actual ?? 'unset'}, expected ${expected}`,
      });
  };
  compare('clusterName', current.spec?.clusterName, wanted.clusterName);
  compare('registrationDriver.authType', driver?.authType, 'awsirsa');
  compare('awsIrsa.hubClusterArn', driver?.awsIrsa?.hubClusterArn, wanted.hubClusterArn);
  compare(
    'awsIrsa.managedClusterArn',
    driver?.awsIrsa?.managedClusterArn,
    wanted.managedClusterArn,
  );

  for (const condition of current.status?.conditions ?? []) {
    const degraded = /Degraded$/.test(condition.type) && condition.status === 'True';
    const unavailable = condition.type === 'Available' && condition.status !== 'True';
    if (degraded || unavailable) {
      rows.push({
        resource: RESOURCE,
        field: `condition ${condition.type}`,
        change: 'degraded',
        detail: `${condition.status}: ${condition.message ?? condition.reason ?? ''}`,
      });
    }
  }
  return rows;
}
