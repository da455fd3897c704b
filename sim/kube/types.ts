// Shapes shared by the simulated API server's modules. Objects are plain JSON, so spec and
// status stay loosely typed: the simulator stores whatever a client sends, like a CRD would.

export interface KubeMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  finalizers?: string[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: KubeMeta;
  spec?: any;
  status?: any;
  [key: string]: any;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

export type AuthKind = 'eks' | 'bootstrap' | 'static' | 'none';

export interface RequestRecord {
  method: string;
  path: string;
  write: boolean;
  auth: AuthKind;
  status: number;
}
