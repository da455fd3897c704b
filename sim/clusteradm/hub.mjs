// Hub-side commands: init, get token, accept and clean.

import YAML from 'yaml';

import {
  ARN_ANNOTATION,
  BOOTSTRAP_SA,
  CLUSTER_MANAGERS,
  HUB_NAMESPACE,
  MANAGED_CLUSTERS,
  NAMESPACES,
  SERVICE_ACCOUNTS,
  TOKEN_REQUEST,
  conditionIs,
  imageSpecs,
} from './paths.mjs';
import { CliError, argv0, crashPoint, say, waitFor, warn } from './runtime.mjs';

export const INIT_FLAGS = {
  wait: { type: 'bool', default: false },
  'registration-drivers': { type: 'stringSlice', default: ['csr'] },
  'hub-cluster-arn': { type: 'string', default: '' },
  'feature-gates': { type: 'mapStringBool', default: {} },
  'auto-approved-arn-patterns': { type: 'stringSlice', default: [] },
  'aws-resource-tags': { type: 'stringSlice', default: [] },
  'bundle-version': { type: 'string', default: 'default' },
  'use-bootstrap-token': { type: 'bool', default: false },
  output: { type: 'string', short: 'o', default: 'text' },
};

function clusterManagerSpec(values, bundle) {
  const drivers = values['registration-drivers'].map((authType) => {
    if (authType === 'csr') return { authType };
    if (authType !== 'awsirsa') throw new CliError(`unsupported registration driver "${authType}"`);
    const awsirsa = { hubClusterArn: values['hub-cluster-arn'] };
    const patterns = values['auto-approved-arn-patterns'];
    if (patterns.length > 0) awsirsa.autoApprovedIdentities = patterns;
    if (values['aws-resource-tags'].length > 0) awsirsa.tags = values['aws-resource-tags'];
    return { authType, awsirsa };
  });
  const featureGates = Object.entries(values['feature-gates']).map(([feature, on]) => ({
    feature,
    mode: on ? 'Enable' : 'Disable',
  }));
  return {
    ...imageSpecs(bundle, ['registration', 'work', 'placement', 'addon-manager']),
    deployOption: { mode: 'Default' },
    registrationConfiguration: {
      ...(featureGates.length > 0 ? { featureGates } : {}),
      registrationDrivers: drivers,
    },
  };
}

async function requestToken(hub) {
  const body = {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: { expirationSeconds: 3600 },
  };
  const answer = await hub.request('POST', TOKEN_REQUEST, body);
  return answer.status.token;
}

export async function init(hub, parsed, version) {
  const { values } = parsed;
  if (values.output === 'json' && values.wait) {
    throw new CliError('output json is not supported with --wait');
  }
  const drivers = values['registration-drivers'];
  if (drivers.includes('awsirsa') && !values['hub-cluster-arn']) {
    throw new CliError('hub-cluster-arn is required when registration-drivers includes awsirsa');
  }
  if (values['auto-approved-arn-patterns'].length > 0) {
    if (values['feature-gates'].ManagedClusterAutoApproval !== true) {
      throw new CliError(
        'auto-approved-arn-patterns requires the feature gate ManagedClusterAutoApproval=true',
      );
    }
  }
  const bundle = values['bundle-version'] === 'default' ? version : values['bundle-version'];
  const clusterManager = {
    apiVersion: 'operator.open-cluster-management.io/v1',
    kind: 'ClusterManager',
    metadata: { name: 'cluster-manager' },
    spec: clusterManagerSpec(values, bundle),
  };

  warn('Preflight check: HubApiServer check Passed with 0 warnings and 0 errors');
  warn('Preflight check: cluster-info check Passed with 0 warnings and 0 errors');
  for (const name of parsed.set) say(`flag ${name} has been set`);
  if (values['dry-run']) {
    process.stdout.write(`---\n${YAML.stringify(clusterManager)}`);
    return;
  }

  await hub.apply(NAMESPACES, { metadata: { name: HUB_NAMESPACE } });
  await hub.apply(SERVICE_ACCOUNTS, { metadata: { name: BOOTSTRAP_SA, namespace: HUB_NAMESPACE } });
  await hub.apply(CLUSTER_MANAGERS, clusterManager);
  crashPoint('init');
  if (values.wait) {
    await waitFor('cluster manager to be applied', values.timeout, async () => {
      const found = await hub.find(`${CLUSTER_MANAGERS}/cluster-manager`);
      return conditionIs(found, 'Applied') ? true : undefined;
    });
  }

  const token = await requestToken(hub);
  if (values.output === 'json') {
    say(JSON.stringify({ 'hub-token': token, 'hub-apiserver': hub.cluster.server }));
    return;
  }
  say('The multicluster hub control plane has been initialized successfully!');
  say();
  say(
    'You can now register cluster(s) to the hub control plane. ' +
      'Log onto those cluster(s) as super user.',
  );
  say('Then execute the following command on each of them:');
  say();
  say(
    `    ${argv0()} join --hub-token ${token} --hub-apiserver ${hub.cluster.server} ` +
      '--wait --cluster-name <cluster_name>',
  );
}

export const GET_TOKEN_FLAGS = {
  output: { type: 'string', short: 'o', default: 'text' },
  'use-bootstrap-token': { type: 'bool', default: false },
};

export async function getToken(hub, parsed) {
  const token = await requestToken(hub);
  const server = hub.cluster.server;
  if (parsed.values.output === 'json') {
    say(JSON.stringify({ 'hub-token': token, 'hub-apiserver': server }));
    return;
  }
  say(`token=${token}`);
  say('please log on spoke and run:');
  say(
    `${argv0()} join --hub-token ${token} --hub-apiserver ${server} ` +
      '--cluster-name <cluster_name>',
  );
}

export const ACCEPT_FLAGS = {
  clusters: { type: 'stringSlice', default: [] },
  wait: { type: 'bool', default: false },
  'skip-approve-check': { type: 'bool', default: false },
};

export async function accept(hub, parsed) {
  const { values } = parsed;
  for (const name of values.clusters.map((c) => c.trim()).filter((c) => c !== '')) {
    const path = `${MANAGED_CLUSTERS}/${name}`;
    let cluster = await hub.find(path);
    if (!cluster && values.wait) {
      cluster = await waitFor(`managed cluster ${name}`, values.timeout, () => hub.find(path));
    }
    if (!cluster) {
      throw new CliError(
        `fail to get managedcluster ${name}: managedclusters.cluster.open-cluster-management.io ` +
          `"${name}" not found, no csr is approved yet for cluster ${name}`,
      );
    }
    if (cluster.spec?.hubAcceptsClient === true) {
      say(`hubAcceptsClient already set for managed cluster ${name}`);
      continue;
    }
    if (!cluster.metadata.annotations?.[ARN_ANNOTATION]) say(`CSR approved for cluster ${name}`);
    crashPoint('accept');
    if (values['dry-run']) {
      say(`would set hubAcceptsClient to true for managed cluster ${name}`);
      continue;
    }
    const patch = { spec: { hubAcceptsClient: true } };
    await hub.request('PATCH', path, patch, 'application/merge-patch+json');
    say(`set hubAcceptsClient to true for managed cluster ${name}`);
  }
}

export const CLEAN_FLAGS = {
  'purge-operator': { type: 'bool', default: true },
  'use-bootstrap-token': { type: 'bool', default: false },
};

export async function clean(hub, parsed) {
  const list = await hub.request('GET', MANAGED_CLUSTERS);
  const available = (list.items ?? []).filter((c) =>
    conditionIs(c, 'ManagedClusterConditionAvailable'),
  );
  crashPoint('clean');
  if (available.length > 0) {
    const names = available.map((c) => c.metadata.name).join(', ');
    say(`managed clusters ${names} are still available; detach them before cleaning the hub`);
    return;
  }
  if (parsed.values['dry-run']) return;
  await hub.deleteIfPresent(`${CLUSTER_MANAGERS}/cluster-manager`);
  say('The multicluster hub control plane has been clean up successfully!');
}
