import type { ClusterAccess } from '../kube/target.js';
import { parseGetToken } from './parse.js';
import { runClusteradm } from './run.js';

/**
 * Reads a bootstrap token from the hub with `clusteradm get token -o json`. The token is masked
 * before clusteradm's output is shown, and again here should the output have been unparsable.
 */
export async function readBootstrapToken(options: {
  binary: string;
  access: ClusterAccess;
  timeoutSeconds: number;
  title: string;
}): Promise<{ token: string; apiserver: string }> {
  const got = await runClusteradm({
    binary: options.binary,
    args: ['get', 'token', '-o', 'json'],
    kubeconfig: options.access.kubeconfig,
    env: options.access.env,
    timeoutSeconds: options.timeoutSeconds,
    title: options.title,
    discoverSecrets: (stdout) => {
      try {
        return [parseGetToken(stdout).token];
      } catch {
        return [];
      }
    },
  });
  return parseGetToken(got.stdout);
}
