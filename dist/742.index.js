export const id = 742;
export const ids = [742];
export const modules = {

/***/ 9838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OO: () => (/* binding */ AVAILABLE),
/* harmony export */   tu: () => (/* binding */ readManagedClusters),
/* harmony export */   wh: () => (/* binding */ ACCEPTED),
/* harmony export */   xC: () => (/* binding */ clusterProblems)
/* harmony export */ });
/* unused harmony export JOINED */
/* harmony import */ var _ocm_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(932);

const ACCEPTED = 'HubAcceptedManagedCluster';
const JOINED = 'ManagedClusterJoined';
const AVAILABLE = 'ManagedClusterConditionAvailable';
/** Reads the named ManagedClusters; a missing one maps to undefined. */
async function readManagedClusters(client, names) {
    const found = await Promise.all(names.map((name) => client.get((0,_ocm_js__WEBPACK_IMPORTED_MODULE_0__/* .managedClusterPath */ .Bp)(name))));
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
        const found = (0,_ocm_js__WEBPACK_IMPORTED_MODULE_0__/* .condition */ .uH)(cluster, type);
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


/***/ }),

/***/ 8368:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ waitUntil)
/* harmony export */ });
/* unused harmony export pollIntervalMs */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Timed out after ${options.timeoutSeconds} s waiting for ${options.what}; ` +
                `still missing: ${result.missing}. Raise 'wait-timeout-seconds' or check ${hint}.`);
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(interval, remaining)));
    }
}


/***/ }),

/***/ 5742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   accept: () => (/* binding */ accept)
/* harmony export */ });
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _clusteradm_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9079);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9838);
/* harmony import */ var _kube_ocm_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(932);
/* harmony import */ var _kube_target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7766);
/* harmony import */ var _kube_wait_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8368);
/* harmony import */ var _dry_run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4365);
/* harmony import */ var _hub_common_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9813);
/* harmony import */ var _verify_workload_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5705);










/**
 * accept: `clusteradm accept` for the clusters the hub has not accepted yet, then waits until
 * every named ManagedCluster is accepted and available.
 */
async function accept(config) {
    const names = config.managedClusterNames;
    const { session, ref: hub, cluster } = await (0,_hub_common_js__WEBPACK_IMPORTED_MODULE_6__/* .openHub */ .C)(config);
    const access = await (0,_kube_target_js__WEBPACK_IMPORTED_MODULE_3__/* .accessEksCluster */ .I)(session, cluster, config.kubeconfig);
    const current = await (0,_kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_8__/* .readManagedClusters */ .tu)(access.client, names);
    const rows = names.flatMap((name) => (0,_kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_8__/* .clusterProblems */ .xC)(name, current.get(name)));
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
        return (0,_dry_run_js__WEBPACK_IMPORTED_MODULE_5__/* .dryRunResult */ .Y)({
            mode: 'accept',
            outputs,
            facts,
            rows,
            heading: 'Drift',
            inSync: 'No drift: every ManagedCluster is accepted, joined and available.',
        });
    }
    // A spoke job may still be registering; its ManagedCluster appears on the hub shortly.
    const missing = names.filter((name) => !current.get(name));
    if (missing.length > 0) {
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Waiting for ${missing.join(', ')} to appear on the hub`);
        await (0,_kube_wait_js__WEBPACK_IMPORTED_MODULE_4__/* .waitUntil */ .a)({
            what: `ManagedCluster(s) ${missing.join(', ')} to appear on the hub`,
            timeoutSeconds: config.waitTimeoutSeconds,
            hint: 'that spoke-join ran for each name and succeeded',
            check: async () => {
                const now = await (0,_kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_8__/* .readManagedClusters */ .tu)(access.client, missing);
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
    const clusteradm = await (0,_hub_common_js__WEBPACK_IMPORTED_MODULE_6__/* .setUpClusteradm */ .Q)(config);
    if (toAccept.length > 0) {
        await (0,_clusteradm_run_js__WEBPACK_IMPORTED_MODULE_1__/* .runClusteradm */ .qg)({
            binary: clusteradm.path,
            args: ['accept', '--clusters', toAccept.join(',')],
            kubeconfig: access.kubeconfig,
            env: access.env,
            timeoutSeconds: config.waitTimeoutSeconds + 60,
            title: `clusteradm accept ${toAccept.join(',')}`,
        });
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Accepted ${toAccept.join(', ')}`);
    }
    else {
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Every cluster was already accepted; clusteradm accept skipped');
    }
    await (0,_kube_wait_js__WEBPACK_IMPORTED_MODULE_4__/* .waitUntil */ .a)({
        what: `${names.join(', ')} to be accepted and available`,
        timeoutSeconds: config.waitTimeoutSeconds,
        hint: "the klusterlet on each spoke (it must be able to pull amazon/aws-cli:latest) and the hub's registration controller",
        check: async () => {
            const now = await (0,_kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_8__/* .readManagedClusters */ .tu)(access.client, names);
            const waiting = [];
            for (const name of names) {
                const managed = now.get(name);
                const accepted = (0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_9__/* .condition */ .uH)(managed, _kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_8__/* .ACCEPTED */ .wh);
                // The hub reports AWS failures (the identity-creator role, its permissions) here.
                if (accepted?.status === 'False') {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`The hub did not accept ManagedCluster ${name}: ${_kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_8__/* .ACCEPTED */ .wh}=False (${accepted.reason ?? 'no reason'}): ${accepted.message ?? 'no message'}. Check the identity-creator role and its permissions.`, { call: 'clusteradm accept' });
                }
                if (accepted?.status !== 'True')
                    waiting.push(`${name} ${_kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_8__/* .ACCEPTED */ .wh}`);
                else if ((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_9__/* .condition */ .uH)(managed, _kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_8__/* .AVAILABLE */ .OO)?.status !== 'True')
                    waiting.push(`${name} ${_kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_8__/* .AVAILABLE */ .OO}`);
            }
            return waiting.length === 0
                ? { done: true, value: true }
                : { done: false, missing: waiting.join(', ') };
        },
    });
    _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`All ${names.length} ManagedCluster(s) are accepted and available`);
    const verified = config.verifyWorkload
        ? await (0,_verify_workload_js__WEBPACK_IMPORTED_MODULE_7__/* .verifyWorkloads */ .A2)(access.client, names, config.waitTimeoutSeconds)
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


/***/ }),

/***/ 5705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ verifyWorkloads),
/* harmony export */   Y_: () => (/* binding */ VERIFY_WORK_NAME)
/* harmony export */ });
/* unused harmony export MANAGED_BY_LABEL */
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _kube_ocm_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(932);
/* harmony import */ var _kube_wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8368);



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
        const path = (0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestWorkPath */ .i5)(cluster, VERIFY_WORK_NAME);
        if (!(await client.get(path)))
            await client.create((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestWorkPath */ .i5)(cluster), verificationWork(cluster));
    }
    await (0,_kube_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .waitUntil */ .a)({
        what: `ManifestWork ${VERIFY_WORK_NAME} to be applied and available on ${clusters.join(', ')}`,
        timeoutSeconds,
        hint: 'the work agent on each spoke',
        check: async () => {
            const pending = [];
            for (const cluster of clusters) {
                const work = await client.get((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestWorkPath */ .i5)(cluster, VERIFY_WORK_NAME));
                for (const type of ['Applied', 'Available']) {
                    if ((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_2__/* .condition */ .uH)(work, type)?.status !== 'True')
                        pending.push(`${cluster} ${type}`);
                }
            }
            return pending.length === 0
                ? { done: true, value: true }
                : { done: false, missing: pending.join(', ') };
        },
    });
    for (const cluster of clusters)
        await client.delete((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_2__/* .manifestWorkPath */ .i5)(cluster, VERIFY_WORK_NAME));
    _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Workload round trip succeeded on ${clusters.join(', ')}`);
    return clusters;
}


/***/ })

};
