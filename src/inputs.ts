import * as core from './core.js';

import { inputError, quote } from './errors.js';
import { readClusters } from './input-clusters.js';
import { checkPatterns, splitList } from './input-lists.js';
import type { ClusterRef } from './naming.js';

export const MODES = [
  'spoke-prepare',
  'hub-init',
  'spoke-join',
  'accept',
  'spoke-unjoin',
  'hub-detach',
] as const;
export type Mode = (typeof MODES)[number];

export interface AwsAccess {
  region: string;
  roleToAssume?: string;
  roleSessionName: string;
  roleDurationSeconds: number;
  webIdentityTokenFile?: string;
  audience: string;
}

/** Every input, read and validated once. Later phases never call core.getInput. */
export interface Config {
  mode: Mode;
  aws: AwsAccess;
  /** Set from `hub-cluster-arn`; hub modes given only `hub-cluster-name` resolve it later. */
  hub?: ClusterRef;
  hubClusterName?: string;
  spokeClusterName?: string;
  /** One name in spoke modes; one or more in `accept` and `hub-detach`. */
  managedClusterNames: string[];
  spokeOidcProviderId?: string;
  hubOidcProviderId?: string;
  kubeconfig?: string;
  autoApprovedArnPatterns: string[];
  awsResourceTags: string[];
  bundleVersion?: string;
  tokenPassphrase?: string;
  hubToken?: string;
  hubTokenSealed?: string;
  hubApiserver?: string;
  hubRoleToAssume?: string;
  clusteradm: { version: string; sha256?: string; mirror: string; githubToken?: string };
  singleton: boolean;
  waitTimeoutSeconds: number;
  dryRun: boolean;
  failOnDrift: boolean;
  verifyWorkload: boolean;
  deleteIam: boolean;
}

const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const OIDC_ID = /^[A-Za-z0-9]{8,64}$/;
const VERSION = /^v?(\d+)\.(\d+)\.(\d+)$/;
const SHA256 = /^[a-fA-F0-9]{64}$/;
const TAG = /^[\p{L}\p{N} _.:/=+\-@]{1,128}=[\p{L}\p{N} _.:/=+\-@]{0,256}$/u;

type Get = (name: string) => string;

/** Far above any real value; a longer one is refused before it reaches a message or a call. */
const MAX_INPUT_LENGTH = 16_384;
/** An OCM release such as 0.16.0 or v0.16.0, or clusteradm's `default` and `latest`. */
const BUNDLE_VERSION = /^(default|latest|v?\d+\.\d+\.\d+)$/;

/** Reads the inputs the way the runner passes them (INPUT_* variables). */
export function readConfig(getInput: Get = (name) => core.getInput(name)): Config {
  const get: Get = (name) => {
    const value = getInput(name);
    if (value.length > MAX_INPUT_LENGTH) {
      const size = `at most ${MAX_INPUT_LENGTH} characters`;
      throw inputError(name, `is ${value.length} characters long`, size);
    }
    return value;
  };
  const text = (name: string): string | undefined => get(name).trim() || undefined;
  const secret = (name: string): string | undefined => {
    const value = get(name).trim() || undefined;
    // Masked before any check can echo it, so a failing validation cannot leak it.
    if (value) core.setSecret(value);
    return value;
  };

  const modeText = text('mode');
  if (!modeText || !(MODES as readonly string[]).includes(modeText)) {
    throw inputError(
      'mode',
      modeText ? `is ${quote(modeText)}` : 'is empty',
      `one of ${MODES.join(', ')}`,
    );
  }
  const mode = modeText as Mode;

  const { hub, hubName, region, spokeClusterName, managedClusterNames } = readClusters(
    mode,
    text,
    get,
  );

  const roleToAssume = text('role-to-assume');
  if (roleToAssume && !ROLE_ARN.test(roleToAssume)) {
    throw inputError(
      'role-to-assume',
      `is ${quote(roleToAssume)}`,
      'an IAM role ARN such as arn:aws:iam::123456789012:role/github-ocm',
    );
  }
  const hubRoleToAssume = text('hub-role-to-assume');
  if (hubRoleToAssume && !ROLE_ARN.test(hubRoleToAssume)) {
    throw inputError(
      'hub-role-to-assume',
      `is ${quote(hubRoleToAssume)}`,
      'an IAM role ARN such as arn:aws:iam::123456789012:role/github-ocm-hub',
    );
  }
  const roleSessionName = text('role-session-name') ?? 'ocm-eks-join';
  if (!SESSION_NAME.test(roleSessionName)) {
    throw inputError(
      'role-session-name',
      `is ${quote(roleSessionName)}`,
      '2 to 64 characters of letters, digits and +=,.@_-',
    );
  }

  const tokenPassphrase = secret('token-passphrase');
  if (tokenPassphrase && tokenPassphrase.length < 16) {
    throw inputError(
      'token-passphrase',
      `has ${tokenPassphrase.length} characters`,
      'a secret of at least 16 characters',
    );
  }
  const hubToken = secret('hub-token');
  const hubTokenSealed = text('hub-token-sealed');
  const hubApiserver = text('hub-apiserver');
  if (hubApiserver && !/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(hubApiserver)) {
    throw inputError(
      'hub-apiserver',
      `is ${quote(hubApiserver)}`,
      'the hub API server URL, https://<host>[:port]',
    );
  }
  if (mode === 'spoke-join' && !hubApiserver) {
    throw inputError(
      'hub-apiserver',
      'is required in mode spoke-join',
      "the 'hub-apiserver' output of hub-init",
    );
  }
  // A dry run compares the Klusterlet only; it needs no token to do that.
  if (mode === 'spoke-join' && text('dry-run') !== 'true') {
    if (!hubToken && !hubTokenSealed && !hubRoleToAssume) {
      throw inputError(
        'hub-token',
        'is missing: spoke-join needs a bootstrap token',
        "'hub-token-sealed' with 'token-passphrase', 'hub-token', or 'hub-role-to-assume' to mint one",
      );
    }
    if (hubTokenSealed && !tokenPassphrase) {
      throw inputError(
        'token-passphrase',
        "is required to open 'hub-token-sealed'",
        'the passphrase hub-init sealed the token with',
      );
    }
  }

  const autoApprovedArnPatterns = checkPatterns(get('auto-approved-arn-patterns'));
  const awsResourceTags = splitList(get('aws-resource-tags'));
  for (const tag of awsResourceTags) {
    if (!TAG.test(tag))
      throw inputError(
        'aws-resource-tags',
        `holds ${quote(tag)}`,
        'key=value pairs, comma- or newline-separated',
      );
  }

  const bundleVersion = text('bundle-version');
  if (bundleVersion && !BUNDLE_VERSION.test(bundleVersion)) {
    throw inputError(
      'bundle-version',
      `is ${quote(bundleVersion)}`,
      'an OCM release such as 0.16.0, or default or latest',
    );
  }

  const version = (text('clusteradm-version') ?? '1.3.1').replace(/^v/, '');
  const versionMatch = VERSION.exec(version);
  if (!versionMatch)
    throw inputError(
      'clusteradm-version',
      `is ${quote(version)}`,
      'a release version such as 1.3.1',
    );
  if (Number(versionMatch[1]) < 1) {
    throw inputError(
      'clusteradm-version',
      `is ${version}, older than 1.0.0 (it lacks --managed-cluster-arn)`,
      'version 1.0.0 or later, such as 1.3.1',
    );
  }
  const sha256 = text('clusteradm-sha256');
  if (sha256 && !SHA256.test(sha256))
    throw inputError('clusteradm-sha256', 'is not a SHA-256 digest', '64 hexadecimal characters');
  const mirror =
    text('clusteradm-mirror') ??
    'https://github.com/open-cluster-management-io/clusteradm/releases/download';
  if (!/^https?:\/\/\S+$/.test(mirror))
    throw inputError(
      'clusteradm-mirror',
      `is ${quote(mirror)}`,
      'an http(s) base URL of release downloads',
    );

  const flag = (name: string, fallback: boolean): boolean => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (/^(true|True|TRUE)$/.test(value)) return true;
    if (/^(false|False|FALSE)$/.test(value)) return false;
    throw inputError(name, `is ${quote(value)}`, 'true or false');
  };
  const seconds = (name: string, fallback: number, min: number, max: number): number => {
    const value = text(name);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max) {
      throw inputError(
        name,
        `is ${quote(value)}`,
        `a whole number of seconds from ${min} to ${max}`,
      );
    }
    return number;
  };

  return {
    mode,
    aws: {
      region,
      roleToAssume,
      roleSessionName,
      roleDurationSeconds: seconds('role-duration-seconds', 3600, 900, 43_200),
      webIdentityTokenFile: text('web-identity-token-file'),
      audience: text('audience') ?? 'sts.amazonaws.com',
    },
    hub,
    hubClusterName: hubName,
    spokeClusterName,
    managedClusterNames,
    spokeOidcProviderId: oidcId(text('spoke-oidc-provider-id'), 'spoke-oidc-provider-id'),
    hubOidcProviderId: oidcId(text('hub-oidc-provider-id'), 'hub-oidc-provider-id'),
    kubeconfig: text('kubeconfig'),
    autoApprovedArnPatterns,
    awsResourceTags,
    bundleVersion,
    tokenPassphrase,
    hubToken,
    hubTokenSealed,
    hubApiserver,
    hubRoleToAssume,
    clusteradm: {
      version,
      sha256: sha256?.toLowerCase(),
      mirror,
      githubToken: secret('github-token'),
    },
    singleton: flag('singleton', true),
    waitTimeoutSeconds: seconds('wait-timeout-seconds', 600, 1, 86_400),
    dryRun: flag('dry-run', false),
    failOnDrift: flag('fail-on-drift', false),
    verifyWorkload: flag('verify-workload', false),
    deleteIam: flag('delete-iam', false),
  };
}

/** Accepts the bare ID or the whole issuer (`oidc.eks.<region>.amazonaws.com/id/<ID>`). */
function oidcId(value: string | undefined, input: string): string | undefined {
  if (!value) return undefined;
  const id = value
    .replace(/^https:\/\//, '')
    .replace(/^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\//, '');
  if (!OIDC_ID.test(id)) {
    throw inputError(
      input,
      `is ${quote(value)}`,
      'the OIDC provider ID, such as EXAMPLED539D4633E53DE1B71EXAMPLE',
    );
  }
  return id;
}
