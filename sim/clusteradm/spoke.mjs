// Spoke-side commands: join (which also registers the ManagedCluster on the hub, as the
// registration agent would) and unjoin.

import { KubeClient } from './client.mjs';
import {
  APPLIED_WORKS,
  ARN_ANNOTATION,
  KLUSTERLETS,
  MANAGED_CLUSTERS,
  conditionIs,
  imageSpecs,
} from './paths.mjs';
import { CliError, argv0, crashPoint, say, waitFor, warn } from './runtime.mjs';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const JOIN_FLAGS = {
  'hub-token': { type: 'string', default: '' },
  'hub-apiserver': { type: 'string', default: '' },
  'cluster-name': { type: 'string', default: '' },
  wait: { type: 'bool', default: false },
  singleton: { type: 'bool', default: false },
  'registration-auth': { type: 'string', default: 'csr' },
  'hub-cluster-arn': { type: 'string', default: '' },
  'managed-cluster-arn': { type: 'string', default: '' },
  'bundle-version': { type: 'string', default: 'default' },
  'force-internal-endpoint-lookup': { type: 'bool', default: false },
};

function validateJoin(values) {
  const name = values['cluster-name'];
  if (name.length > 63 || !DNS_LABEL.test(name)) {
    throw new CliError(
      `validation failed: cluster name "${name}" is invalid: a lowercase RFC 1123 label must ` +
        "consist of lower case alphanumeric characters or '-', and must start and end with an " +
        "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is " +
        "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  }
  const auth = values['registration-auth'];
  if (auth !== 'csr' && auth !== 'awsirsa') {
    throw new CliError(`registration-auth "${auth}" is not supported, use csr or awsirsa`);
  }
  if (auth === 'awsirsa' && (!values['hub-cluster-arn'] || !values['managed-cluster-arn'])) {
    throw new CliError(
      'hub-cluster-arn and managed-cluster-arn are required when registration-auth is awsirsa',
    );
  }
}

function klusterletFor(values, bundle) {
  const awsirsa = values['registration-auth'] === 'awsirsa';
  return {
    apiVersion: 'operator.open-cluster-management.io/v1',
    kind: 'Klusterlet',
    metadata: { name: 'klusterlet' },
    spec: {
      clusterName: values['cluster-name'],
      namespace: 'open-cluster-management-agent',
      ...imageSpecs(bundle, ['registration', 'work']),
      deployOption: { mode: values.singleton ? 'Singleton' : 'Default' },
      registrationConfiguration: {
        registrationDriver: awsirsa
          ? {
              authType: 'awsirsa',
              awsIrsa: {
                hubClusterArn: values['hub-cluster-arn'],
                managedClusterArn: values['managed-cluster-arn'],
              },
            }
          : { authType: 'csr' },
      },
    },
  };
}

function managedClusterFor(values, spoke) {
  const arn = values['managed-cluster-arn'];
  const clientConfig = { url: spoke.cluster.server };
  if (spoke.cluster.caPem) {
    clientConfig.caBundle = Buffer.from(spoke.cluster.caPem).toString('base64');
  }
  return {
    apiVersion: 'cluster.open-cluster-management.io/v1',
    kind: 'ManagedCluster',
    metadata: {
      name: values['cluster-name'],
      ...(values['registration-auth'] === 'awsirsa' && arn
        ? { annotations: { [ARN_ANNOTATION]: arn } }
        : {}),
    },
    spec: {
      hubAcceptsClient: false,
      leaseDurationSeconds: 60,
      managedClusterClientConfigs: [clientConfig],
    },
  };
}

export async function join(spoke, parsed, version) {
  const { values } = parsed;
  validateJoin(values);
  const name = values['cluster-name'];
  const bundle = values['bundle-version'] === 'default' ? version : values['bundle-version'];
  // The bootstrap flow learns the hub CA from the hub itself, so the first contact skips checks.
  const hub = new KubeClient({
    server: values['hub-apiserver'].replace(/\/+$/, ''),
    insecure: true,
    getToken: async () => values['hub-token'],
  });

  warn('Preflight check: HubKubeconfig check Passed with 0 warnings and 0 errors');
  await hub.find(`${MANAGED_CLUSTERS}/${name}`);
  warn('Preflight check: DeployMode Check Passed with 0 warnings and 0 errors');
  warn('Preflight check: ClusterName Check Passed with 0 warnings and 0 errors');
  if (values['dry-run']) {
    say(`would apply klusterlet for cluster ${name}`);
    return;
  }

  await spoke.apply(KLUSTERLETS, klusterletFor(values, bundle));
  crashPoint('join');
  say('Waiting for the management components to become ready...');
  if (!(await hub.find(`${MANAGED_CLUSTERS}/${name}`))) {
    try {
      await hub.request('POST', MANAGED_CLUSTERS, managedClusterFor(values, spoke));
    } catch (error) {
      if (error.status !== 409) throw error;
    }
  }
  if (values.wait) {
    await waitFor('klusterlet to become available', values.timeout, async () => {
      const found = await spoke.find(`${KLUSTERLETS}/klusterlet`);
      return conditionIs(found, 'Available') ? true : undefined;
    });
    say('Waiting for managed cluster to be created...');
    await waitFor(`managed cluster ${name} on the hub`, values.timeout, async () =>
      (await hub.find(`${MANAGED_CLUSTERS}/${name}`)) ? true : undefined,
    );
  }
  say('Please log onto the hub cluster and run the following command:');
  say();
  say(`    ${argv0()} accept --clusters ${name}`);
}

export const UNJOIN_FLAGS = {
  'cluster-name': { type: 'string', default: '' },
  'purge-operator': { type: 'bool', default: true },
};

export async function unjoin(spoke, parsed) {
  const name = parsed.values['cluster-name'];
  const works = await spoke.request('GET', APPLIED_WORKS);
  crashPoint('unjoin');
  if ((works.items ?? []).length > 0) {
    // The real command also stops here with exit code 0 and leaves everything in place.
    say(
      `there are still applied resources on the managed cluster ${name}; ` +
        'delete the ManifestWorks on the hub first',
    );
    return;
  }
  if (parsed.values['dry-run']) return;
  say(`Remove applied resources in the managed cluster ${name} ...`);
  const removed = await spoke.deleteIfPresent(`${KLUSTERLETS}/klusterlet`);
  say(removed ? 'klusterlet is cleaned up' : 'klusterlet is not found, nothing to clean up');
}
