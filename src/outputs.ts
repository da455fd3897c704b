/** The action's outputs, as action.yml declares them. */
export type OutputName =
  | 'hub-cluster-arn'
  | 'hub-apiserver'
  | 'hub-token'
  | 'hub-token-sealed'
  | 'hub-token-expires-at'
  | 'identity-creator-role-arn'
  | 'managed-cluster-arn'
  | 'managed-cluster-name'
  | 'spoke-role-arn'
  | 'changed'
  | 'drift'
  | 'clusteradm-version'
  | 'clusteradm-path'
  | 'kubeconfig';

export type Outputs = Partial<Record<OutputName, string>>;

/** What every mode hands back to main: outputs, the two flags, and its report. */
export interface ModeResult {
  outputs: Outputs;
  changed: boolean;
  drift: boolean;
  report: import('./summary.js').Report;
}
