import type { PlanRow } from '../summary.js';
import type { ClusterManager } from './ocm.js';

/** What the inputs of hub-init ask of the hub's ClusterManager. */
export interface HubRegistration {
  hubClusterArn: string;
  autoApprovedArnPatterns: string[];
  awsResourceTags: string[];
}

const RESOURCE = 'ClusterManager cluster-manager';
const GATE = 'ManagedClusterAutoApproval';

function sameSet(a: string[] = [], b: string[] = []): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * Compares the ClusterManager's registrationConfiguration with the inputs. An empty result
 * means `clusteradm init` would change nothing the action manages.
 */
export function diffClusterManager(
  current: ClusterManager | undefined,
  wanted: HubRegistration,
): PlanRow[] {
  if (!current) {
    return [
      {
        resource: RESOURCE,
        field: 'registrationConfiguration',
        change: 'create',
        detail: 'the hub was never initialized',
      },
    ];
  }
  const registration = current.spec?.registrationConfiguration;
  const driver = registration?.registrationDrivers?.find((entry) => entry.authType === 'awsirsa');
  if (!driver) {
    return [
      {
        resource: RESOURCE,
        field: 'registrationDrivers',
        change: 'update',
        detail: 'the awsirsa driver is not enabled',
      },
    ];
  }

  const rows: PlanRow[] = [];
  const awsirsa = driver.awsirsa ?? {};
  if (awsirsa.hubClusterArn !== wanted.hubClusterArn) {
    rows.push({
      resource: RESOURCE,
      field: 'awsirsa.hubClusterArn',
      change: 'update',
      detail: `${awsirsa.hubClusterArn ?? 'unset'}, expected ${wanted.hubClusterArn}`,
    });
  }
  if (!sameSet(awsirsa.autoApprovedIdentities, wanted.autoApprovedArnPatterns)) {
    rows.push({
      resource: RESOURCE,
      field: 'awsirsa.autoApprovedIdentities',
      change: 'update',
      detail: `${(awsirsa.autoApprovedIdentities ?? []).join(', ') || 'none'}, expected ${wanted.autoApprovedArnPatterns.join(', ') || 'none'}`,
    });
  }
  if (!sameSet(awsirsa.tags, wanted.awsResourceTags)) {
    rows.push({
      resource: RESOURCE,
      field: 'awsirsa.tags',
      change: 'update',
      detail: `${(awsirsa.tags ?? []).join(', ') || 'none'}, expected ${wanted.awsResourceTags.join(', ') || 'none'}`,
    });
  }
  const gateOn = (registration?.featureGates ?? []).some(
    (gate) => gate.feature === GATE && gate.mode !== 'Disable',
  );
  const wantGate = wanted.autoApprovedArnPatterns.length > 0;
  if (gateOn !== wantGate) {
    rows.push({
      resource: RESOURCE,
      field: `featureGates.${GATE}`,
      change: 'update',
      detail: `${gateOn ? 'enabled' : 'disabled'}, expected ${wantGate ? 'enabled' : 'disabled'}`,
    });
  }
  return rows;
}

/** The `clusteradm init` arguments that produce `wanted`. */
export function initArguments(
  wanted: HubRegistration,
  options: { bundleVersion?: string; timeoutSeconds: number },
): string[] {
  const args = [
    'init',
    '--wait',
    '--registration-drivers',
    'awsirsa',
    '--hub-cluster-arn',
    wanted.hubClusterArn,
  ];
  if (wanted.autoApprovedArnPatterns.length > 0) {
    args.push(
      '--feature-gates',
      `${GATE}=true`,
      '--auto-approved-arn-patterns',
      wanted.autoApprovedArnPatterns.join(','),
    );
  }
  if (wanted.awsResourceTags.length > 0)
    args.push('--aws-resource-tags', wanted.awsResourceTags.join(','));
  if (options.bundleVersion) args.push('--bundle-version', options.bundleVersion);
  args.push('--timeout', String(options.timeoutSeconds));
  return args;
}
