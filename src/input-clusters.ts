import { inputError, quote } from './errors.js';
import { splitList } from './input-lists.js';
import type { Mode } from './inputs.js';
import {
  type ClusterRef,
  MAX_HUB_NAME_LENGTH,
  checkEksName,
  isDnsLabel,
  isRegion,
  parseClusterArn,
} from './naming.js';

const SPOKE_MODES: readonly Mode[] = ['spoke-prepare', 'spoke-join', 'spoke-unjoin'];

export interface Clusters {
  hub?: ClusterRef;
  hubName: string;
  region: string;
  spokeClusterName?: string;
  managedClusterNames: string[];
}

/**
 * The cluster inputs of a mode: the hub (by ARN, or by name in hub modes), the region the job
 * works in, the spoke's EKS name and the ManagedCluster name or names.
 */
export function readClusters(
  mode: Mode,
  text: (name: string) => string | undefined,
  get: (name: string) => string,
): Clusters {
  const spokeMode = SPOKE_MODES.includes(mode);
  const hubArnText = text('hub-cluster-arn');
  const hub = hubArnText ? parseClusterArn(hubArnText, 'hub-cluster-arn') : undefined;
  const hubClusterName = text('hub-cluster-name');
  if (hubClusterName) checkEksName(hubClusterName, 'hub-cluster-name');
  if (hub && hubClusterName && hub.name !== hubClusterName) {
    throw inputError(
      'hub-cluster-name',
      `is ${quote(hubClusterName)} but 'hub-cluster-arn' names cluster ${quote(hub.name)}`,
      'the same hub in both inputs, or only one of them',
    );
  }
  const hubName = hub?.name ?? hubClusterName;
  // Spoke modes need the whole ARN: the hub's account is in the role names they compute.
  if (!hub && (spokeMode || !hubName)) {
    throw inputError(
      'hub-cluster-arn',
      `is required in mode ${mode}`,
      spokeMode
        ? 'arn:aws:eks:<region>:<12-digit account>:cluster/<name>'
        : "arn:aws:eks:<region>:<12-digit account>:cluster/<name>, or the hub's EKS name in 'hub-cluster-name'",
    );
  }
  if (hubName && hubName.length > MAX_HUB_NAME_LENGTH) {
    throw inputError(
      hub ? 'hub-cluster-arn' : 'hub-cluster-name',
      `names hub cluster ${quote(hubName)} of ${hubName.length} characters, which makes the identity-creator role name longer than IAM's 64`,
      `a hub EKS name of at most ${MAX_HUB_NAME_LENGTH} characters`,
    );
  }

  // Spoke modes never borrow the hub's region: the spoke may live elsewhere.
  const regionText =
    text('aws-region') ??
    (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined) ??
    (spokeMode ? undefined : hub?.region);
  if (!regionText) {
    throw inputError(
      'aws-region',
      `is required in mode ${mode} (AWS_REGION is not set either)`,
      'a region such as us-west-2',
    );
  }
  if (!isRegion(regionText))
    throw inputError('aws-region', `is ${quote(regionText)}`, 'a region such as us-west-2');
  const region = !spokeMode && hub && !text('aws-region') ? hub.region : regionText;

  const spokeClusterName = text('spoke-cluster-name');
  if (spokeClusterName) checkEksName(spokeClusterName, 'spoke-cluster-name');
  if (spokeMode && !spokeClusterName) {
    throw inputError(
      'spoke-cluster-name',
      `is required in mode ${mode}`,
      "the spoke's EKS cluster name",
    );
  }

  const many = mode === 'accept' || mode === 'hub-detach';
  const managedText = get('managed-cluster-name');
  const managedClusterNames = managedText.trim()
    ? splitList(managedText)
    : spokeClusterName
      ? [spokeClusterName]
      : [];
  if (managedClusterNames.length === 0 && (spokeMode || many)) {
    throw inputError(
      'managed-cluster-name',
      `is required in mode ${mode}`,
      "one or more ManagedCluster names (or set 'spoke-cluster-name')",
    );
  }
  if (!many && managedClusterNames.length > 1) {
    throw inputError(
      'managed-cluster-name',
      `holds ${managedClusterNames.length} names in mode ${mode}`,
      'exactly one ManagedCluster name',
    );
  }
  for (const name of managedClusterNames) {
    if (!isDnsLabel(name)) {
      throw inputError(
        'managed-cluster-name',
        `holds ${quote(name)}, which is not a DNS label`,
        'lowercase letters, digits and "-", at most 63 characters, starting and ending with a letter or digit',
      );
    }
  }

  return { hub, hubName: hubName as string, region, spokeClusterName, managedClusterNames };
}
