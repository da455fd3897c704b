import { execFileSync, spawnSync } from 'node:child_process';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { eksToken, eksTokenSource } from '../src/kube/eks-token.js';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

function decode(token: string): URL {
  expect(token.startsWith('k8s-aws-v1.')).toBe(true);
  const encoded = token.slice('k8s-aws-v1.'.length);
  expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  return new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
}

describe('eksToken', () => {
  it('reproduces the signature of aws eks get-token for a fixed time', async () => {
    const { token, expirationTimestamp } = await eksToken({
      credentials,
      region: 'us-west-2',
      clusterName: 'my-cluster',
      now: new Date('2024-01-01T00:00:00Z'),
    });

    const url = decode(token);
    expect(url.origin).toBe('https://sts.us-west-2.amazonaws.com');
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('X-Amz-Signature')).toBe(
      '9820522955b8790d1291fa15ce3ec3c7efba9e7cd15d38dc020d10f18b3c84fb',
    );
    expect(url.search).toContain('X-Amz-SignedHeaders=host%3Bx-k8s-aws-id');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.get('Action')).toBe('GetCallerIdentity');
    expect(url.searchParams.get('Version')).toBe('2011-06-15');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20240101T000000Z');
    expect(url.searchParams.get('X-Amz-Credential')).toBe(
      'AKIDEXAMPLE/20240101/us-west-2/sts/aws4_request',
    );
    expect(url.searchParams.has('X-Amz-Security-Token')).toBe(false);
    expect(expirationTimestamp).toBe('2024-01-01T00:14:00Z');
    expect(token).not.toContain('=');
  });

  it('signs a different cluster name differently', async () => {
    const now = new Date('2024-01-01T00:00:00Z');
    const a = await eksToken({ credentials, region: 'us-west-2', clusterName: 'a', now });
    const b = await eksToken({ credentials, region: 'us-west-2', clusterName: 'b', now });
    expect(decode(a.token).searchParams.get('X-Amz-Signature')).not.toBe(
      decode(b.token).searchParams.get('X-Amz-Signature'),
    );
  });

  it('carries the session token and drops milliseconds from the expiry', async () => {
    const sessionToken = 'FwoGZXIvYXdzE+/session=token';
    const { token, expirationTimestamp } = await eksToken({
      credentials: { ...credentials, sessionToken },
      region: 'eu-central-1',
      clusterName: 'spoke',
      now: new Date('2024-03-04T05:06:07.890Z'),
    });
    const url = decode(token);
    expect(url.host).toBe('sts.eu-central-1.amazonaws.com');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(sessionToken);
    expect(url.searchParams.get('X-Amz-Date')).toBe('20240304T050607Z');
    expect(expirationTimestamp).toBe('2024-03-04T05:20:07Z');
    expect(url.toString()).not.toContain(credentials.secretAccessKey);
  });
});

describe('eksTokenSource', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reuses a token until it has under a minute left, then makes a new one', async () => {
    vi.useFakeTimers({ now: new Date('2024-01-01T00:00:00Z') });
    const provide = vi.fn(async () => credentials);
    const source = eksTokenSource({ credentials: provide, region: 'us-west-2', clusterName: 'c' });

    const first = await source();
    vi.setSystemTime(new Date('2024-01-01T00:12:59Z'));
    expect(await source()).toBe(first);
    expect(provide).toHaveBeenCalledTimes(1);

    vi.setSystemTime(new Date('2024-01-01T00:13:01Z'));
    const renewed = await source();
    expect(renewed).not.toBe(first);
    expect(decode(renewed).searchParams.get('X-Amz-Date')).toBe('20240101T001301Z');
    expect(provide).toHaveBeenCalledTimes(2);
  });
});

const aws = spawnSync('aws', ['--version'], { encoding: 'utf8' });
const awsMissing = aws.error !== undefined || aws.status !== 0;
if (awsMissing) {
  console.warn('Skipping the aws eks get-token comparison: the aws CLI is not found.');
}

describe.skipIf(awsMissing)('compared with aws eks get-token (needs the aws CLI)', () => {
  it('yields the same URL shape and, at the CLI signing time, the same signature', async () => {
    const output = execFileSync(
      'aws',
      ['eks', 'get-token', '--cluster-name', 'my-cluster', '--region', 'us-west-2'],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          AWS_CONFIG_FILE: '/nonexistent/config',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      },
    );
    const theirs = JSON.parse(output) as { status: { token: string; expirationTimestamp: string } };
    const theirUrl = decode(theirs.status.token);

    const amzDate = theirUrl.searchParams.get('X-Amz-Date') ?? '';
    const now = new Date(
      amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
    );
    const ours = await eksToken({
      credentials,
      region: 'us-west-2',
      clusterName: 'my-cluster',
      now,
    });
    const ourUrl = decode(ours.token);

    expect(ourUrl.host).toBe(theirUrl.host);
    expect(ourUrl.pathname).toBe(theirUrl.pathname);
    const names = (url: URL) => [...url.searchParams.keys()].sort();
    expect(names(ourUrl)).toEqual(names(theirUrl));
    for (const name of ['X-Amz-SignedHeaders', 'X-Amz-Expires', 'X-Amz-Credential']) {
      expect(ourUrl.searchParams.get(name)).toBe(theirUrl.searchParams.get(name));
    }
    expect(ourUrl.searchParams.get('X-Amz-Signature')).toBe(
      theirUrl.searchParams.get('X-Amz-Signature'),
    );
    expect(ours.token).toBe(theirs.status.token);
    expect(ours.expirationTimestamp).toBe(theirs.status.expirationTimestamp);
  });
});
