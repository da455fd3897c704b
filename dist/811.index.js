export const id = 811;
export const ids = [811];
export const modules = {

/***/ 2811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  accept: () => (/* binding */ accept)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: ./src/clusteradm/run.ts
var run = __webpack_require__(9079);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/kube/ocm.ts
var ocm = __webpack_require__(932);
;// CONCATENATED MODULE: ./src/kube/managed-clusters.ts

const ACCEPTED = 'HubAcceptedManagedCluster';
const JOINED = 'ManagedClusterJoined';
const AVAILABLE = 'ManagedClusterConditionAvailable';
/** Reads the named ManagedClusters; a missing one maps to undefined. */
async function readManagedClusters(client, names) {
    const found = await Promise.all(names.map((name) => client.get((0,ocm/* managedClusterPath */.Bp)(name))));
    return new Map(names.map((name, index) => [name, found[index]]));
}
/** Why a ManagedCluster is not yet accepted, joined and available; empty when it is. */
function clusterProblems(name, cluster) {
    const resource = `ManagedCluster ${name}`;
    if (!cluster)
        return [
            {
                resource,
                field: 'existence',
                change: 'missing',
                detail: 'not on the hub: has spoke-join run?',
            },
        ];
    const rows = [];
    if (cluster.spec?.hubAcceptsClient !== true)
        rows.push({
            resource,
            field: 'spec.hubAcceptsClient',
            change: 'accept',
            detail: 'the hub has not accepted it',
        });
    for (const type of [ACCEPTED, JOINED, AVAILABLE]) {
        const found = (0,ocm/* condition */.uH)(cluster, type);
        if (found?.status !== 'True') {
            rows.push({
                resource,
                field: `condition ${type}`,
                change: found ? found.status : 'missing',
                detail: found?.message ?? found?.reason ?? 'not reported yet',
            });
        }
    }
    return rows;
}

// EXTERNAL MODULE: ./src/kube/target.ts + 4 modules
var target = __webpack_require__(7766);
;// CONCATENATED MODULE: ./src/kube/wait.ts

const DEFAULT_INTERVAL_MS = 2000;
/**
 * The poll interval. OCM_EKS_JOIN_POLL_MS lets the test suite and the local simulation poll
 * without sleeping; the action itself never sets it, so when set it wins over any caller's value.
 */
function pollIntervalMs(requested) {
    const raw = process.env.OCM_EKS_JOIN_POLL_MS;
    const fromEnv = Number(raw);
    if (raw && Number.isFinite(fromEnv) && fromEnv >= 0)
        return fromEnv;
    return requested ?? DEFAULT_INTERVAL_MS;
}
/**
 * Calls `check` until it reports done, and returns its value. After `timeoutSeconds` it fails
 * with the last thing `check` said was missing, so the user sees what never happened. Errors
 * thrown by `check` end the wait at once: transient API failures are retried below this level.
 */
async function waitUntil(options) {
    const interval = pollIntervalMs(options.intervalMs);
    const deadline = Date.now() + options.timeoutSeconds * 1000;
    for (;;) {
        const result = await options.check();
        if (result.done)
            return result.value;
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
            const hint = options.hint ?? 'the agents on the hub and the spoke cluster';
            throw new errors/* ActionError */.lZ(`Timed out after ${options.timeoutSeconds} s waiting for ${options.what}; ` +
                `still missing: ${result.missing}. Raise 'wait-timeout-seconds' or check ${hint}.`);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(interval, remaining)));
    }
}

// EXTERNAL MODULE: ./src/summary.ts
var summary = __webpack_require__(8855);
// EXTERNAL MODULE: ./src/modes/hub-common.ts + 1 modules
var hub_common = __webpack_require__(6661);
;// CONCATENATED MODULE: ./src/modes/verify-workload.ts



const VERIFY_WORK_NAME = 'ocm-eks-join-verify';
const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** A ConfigMap in the spoke's default namespace: harmless, and proves the work agent acts. */
function verificationWork(cluster) {
    return {
        apiVersion: 'work.open-cluster-management.io/v1',
        kind: 'ManifestWork',
        metadata: {
            name: VERIFY_WORK_NAME,
            namespace: cluster,
            labels: { [MANAGED_BY_LABEL]: 'ocm-eks-join' },
        },
        spec: {
            workload: {
                manifests: [
                    {
                        apiVersion: 'v1',
                        kind: 'ConfigMap',
                        metadata: { name: VERIFY_WORK_NAME, namespace: 'default' },
                        data: { purpose: 'ocm-eks-join verify-workload round trip' },
                    },
                ],
            },
        },
    };
}
/** Creates a ManifestWork per cluster, waits for Applied and Available, and deletes it again. */
async function verifyWorkloads(client, clusters, timeoutSeconds) {
    for (const cluster of clusters) {
        const path = (0,ocm/* manifestWorkPath */.i5)(cluster, VERIFY_WORK_NAME);
        if (!(await client.get(path)))
            await client.create((0,ocm/* manifestWorkPath */.i5)(cluster), verificationWork(cluster));
    }
    await waitUntil({
        what: `ManifestWork ${VERIFY_WORK_NAME} to be applied and available on ${clusters.join(', ')}`,
        timeoutSeconds,
        hint: 'the work agent on each spoke',
        check: async () => {
            const pending = [];
            for (const cluster of clusters) {
                const work = await client.get((0,ocm/* manifestWorkPath */.i5)(cluster, VERIFY_WORK_NAME));
                for (const type of ['Applied', 'Available']) {
                    if ((0,ocm/* condition */.uH)(work, type)?.status !== 'True')
                        pending.push(`${cluster} ${type}`);
                }
            }
            return pending.length === 0
                ? { done: true, value: true }
                : { done: false, missing: pending.join(', ') };
        },
    });
    for (const cluster of clusters)
        await client.delete((0,ocm/* manifestWorkPath */.i5)(cluster, VERIFY_WORK_NAME));
    core/* info */.pq(`Workload round trip succeeded on ${clusters.join(', ')}`);
    return clusters;
}

;// CONCATENATED MODULE: ./src/modes/accept.ts










/**
 * accept: `clusteradm accept` for the clusters the hub has not accepted yet, then waits until
 * every named ManagedCluster is accepted and available.
 */
async function accept(config) {
    const names = config.managedClusterNames;
    const { session, ref: hub, cluster } = await (0,hub_common/* openHub */.C)(config);
    const access = await (0,target/* accessEksCluster */.I)(session, cluster, config.kubeconfig);
    const current = await readManagedClusters(access.client, names);
    const rows = names.flatMap((name) => clusterProblems(name, current.get(name)));
    const outputs = {
        'hub-cluster-arn': hub.arn,
        'managed-cluster-name': names.join(','),
        kubeconfig: access.kubeconfig,
        'hub-apiserver': access.server,
    };
    const facts = [
        ['Hub cluster', hub.arn],
        ['Managed clusters', names.join(', ')],
    ];
    if (config.dryRun) {
        (0,summary/* logTable */.Jn)('Drift on the hub:', rows);
        if (rows.length === 0)
            core/* info */.pq(`All ${names.length} ManagedCluster(s) are accepted, joined and available: no drift`);
        return {
            outputs,
            changed: false,
            drift: rows.length > 0,
            report: {
                title: 'ocm-eks-join: accept (dry run)',
                facts,
                tableTitle: rows.length ? 'Drift' : undefined,
                rows,
                emptyText: 'No drift: every ManagedCluster is accepted, joined and available.',
            },
        };
    }
    // A spoke job may still be registering; its ManagedCluster appears on the hub shortly.
    const missing = names.filter((name) => !current.get(name));
    if (missing.length > 0) {
        core/* info */.pq(`Waiting for ${missing.join(', ')} to appear on the hub`);
        await waitUntil({
            what: `ManagedCluster(s) ${missing.join(', ')} to appear on the hub`,
            timeoutSeconds: config.waitTimeoutSeconds,
            hint: 'that spoke-join ran for each name and succeeded',
            check: async () => {
                const now = await readManagedClusters(access.client, missing);
                const absent = missing.filter((name) => !now.get(name));
                for (const [name, found] of now)
                    current.set(name, found);
                return absent.length === 0
                    ? { done: true, value: true }
                    : { done: false, missing: absent.join(', ') };
            },
        });
    }
    const toAccept = names.filter((name) => current.get(name)?.spec?.hubAcceptsClient !== true);
    const clusteradm = await (0,hub_common/* setUpClusteradm */.Q)(config);
    if (toAccept.length > 0) {
        await (0,run/* runClusteradm */.qg)({
            binary: clusteradm.path,
            args: ['accept', '--clusters', toAccept.join(',')],
            kubeconfig: access.kubeconfig,
            env: access.env,
            title: `clusteradm accept ${toAccept.join(',')}`,
        });
        core/* info */.pq(`Accepted ${toAccept.join(', ')}`);
    }
    else {
        core/* info */.pq('Every cluster was already accepted; clusteradm accept skipped');
    }
    await waitUntil({
        what: `${names.join(', ')} to be accepted and available`,
        timeoutSeconds: config.waitTimeoutSeconds,
        hint: "the klusterlet on each spoke (it must be able to pull amazon/aws-cli:latest) and the hub's registration controller",
        check: async () => {
            const now = await readManagedClusters(access.client, names);
            const waiting = [];
            for (const name of names) {
                const managed = now.get(name);
                const accepted = (0,ocm/* condition */.uH)(managed, ACCEPTED);
                // The hub reports AWS failures (the identity-creator role, its permissions) here.
                if (accepted?.status === 'False') {
                    throw new errors/* ActionError */.lZ(`The hub did not accept ManagedCluster ${name}: ${ACCEPTED}=False (${accepted.reason ?? 'no reason'}): ${accepted.message ?? 'no message'}. Check the identity-creator role and its permissions.`, { call: 'clusteradm accept' });
                }
                if (accepted?.status !== 'True')
                    waiting.push(`${name} ${ACCEPTED}`);
                else if ((0,ocm/* condition */.uH)(managed, AVAILABLE)?.status !== 'True')
                    waiting.push(`${name} ${AVAILABLE}`);
            }
            return waiting.length === 0
                ? { done: true, value: true }
                : { done: false, missing: waiting.join(', ') };
        },
    });
    core/* info */.pq(`All ${names.length} ManagedCluster(s) are accepted and available`);
    const verified = config.verifyWorkload
        ? await verifyWorkloads(access.client, names, config.waitTimeoutSeconds)
        : [];
    const changeRows = toAccept.map((name) => ({
        resource: `ManagedCluster ${name}`,
        field: 'spec.hubAcceptsClient',
        change: 'accept',
        detail: 'accepted; now available',
    }));
    return {
        outputs: {
            ...outputs,
            'clusteradm-version': clusteradm.version,
            'clusteradm-path': clusteradm.path,
        },
        changed: toAccept.length > 0,
        drift: false,
        report: {
            title: 'ocm-eks-join: accept',
            facts: [
                ...facts,
                ...verified.map((name) => [
                    `Workload round trip`,
                    `${name}: applied, available, removed`,
                ]),
            ],
            tableTitle: changeRows.length ? 'Changes' : undefined,
            rows: changeRows,
            emptyText: 'Every cluster was already accepted and available; nothing changed.',
            next: 'schedule the same jobs with `dry-run: true` and `fail-on-drift: true` as a drift check.',
        },
    };
}


/***/ })

};
