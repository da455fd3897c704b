export const id = 379;
export const ids = [379,394];
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

/***/ 379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hubDetach: () => (/* binding */ hubDetach)
/* harmony export */ });
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _aws_iam_role_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5385);
/* harmony import */ var _clusteradm_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9079);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9838);
/* harmony import */ var _kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(932);
/* harmony import */ var _kube_target_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7766);
/* harmony import */ var _kube_wait_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8368);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8499);
/* harmony import */ var _dry_run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4365);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8855);
/* harmony import */ var _hub_common_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9813);
/* harmony import */ var _hub_init_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4394);













const FINALIZER = 'cluster.open-cluster-management.io/api-resource-cleanup';
/**
 * hub-detach: removes ManagedClusters from the hub in the safe order (their ManifestWorks,
 * then the cluster, waiting for the cleanup finalizer that deletes `ocm-hub-<hash>` and the
 * access entry). With `delete-iam` and no cluster left: `clusteradm clean` and the
 * identity-creator role.
 */
async function hubDetach(config) {
    const names = config.managedClusterNames;
    const { session, ref: hub, cluster } = await (0,_hub_common_js__WEBPACK_IMPORTED_MODULE_9__/* .openHub */ .C)(config);
    const access = await (0,_kube_target_js__WEBPACK_IMPORTED_MODULE_4__/* .accessEksCluster */ .I)(session, cluster, config.kubeconfig);
    const creatorName = (0,_naming_js__WEBPACK_IMPORTED_MODULE_6__/* .identityCreatorRoleName */ .YK)(hub);
    const creatorArn = await (0,_aws_iam_role_js__WEBPACK_IMPORTED_MODULE_1__/* .findRole */ ._$)(session.iam, creatorName);
    const current = await (0,_kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_11__/* .readManagedClusters */ .tu)(access.client, names);
    const present = names.filter((name) => current.get(name));
    const works = new Map();
    for (const name of present)
        works.set(name, await access.client.list((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .manifestWorkPath */ .i5)(name)));
    const others = (await access.client.list((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .managedClusterPath */ .Bp)())).filter((managed) => !names.includes(managed.metadata.name ?? ''));
    const cleanHub = config.deleteIam && others.length === 0;
    const manager = cleanHub
        ? await access.client.get((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .clusterManagerPath */ .p$)())
        : undefined;
    const rows = [];
    for (const name of present) {
        for (const work of works.get(name) ?? [])
            rows.push({
                resource: `ManifestWork ${name}/${work.metadata.name}`,
                field: 'manifestwork',
                change: 'remove',
                detail: 'removed before its cluster',
            });
        rows.push({
            resource: `ManagedCluster ${name}`,
            field: 'managedcluster',
            change: 'remove',
            detail: `its finalizer deletes ${hubRoleOf(hub, current.get(name))} and the access entry`,
        });
    }
    if (cleanHub && manager)
        rows.push({
            resource: 'ClusterManager cluster-manager',
            field: 'clusteradm clean',
            change: 'remove',
            detail: 'no ManagedCluster is left',
        });
    if (cleanHub && creatorArn)
        rows.push({
            resource: `IAM role ${creatorName}`,
            field: 'role',
            change: 'remove',
            detail: 'no ManagedCluster depends on it any more',
        });
    const kept = config.deleteIam && others.length > 0
        ? `Kept IAM role ${creatorName}: ${others.length} other ManagedCluster(s) still depend on it.`
        : undefined;
    const facts = [
        ['Hub cluster', hub.arn],
        ['Managed clusters', names.join(', ')],
    ];
    const outputs = {
        'hub-cluster-arn': hub.arn,
        'managed-cluster-name': names.join(','),
        kubeconfig: access.kubeconfig,
    };
    if (config.dryRun) {
        return (0,_dry_run_js__WEBPACK_IMPORTED_MODULE_7__/* .dryRunResult */ .Y)({
            mode: 'hub-detach',
            outputs,
            facts,
            rows,
            heading: 'Would remove',
            inSync: 'Nothing to remove.',
            next: kept,
        });
    }
    if (present.length > 0 && !creatorArn) {
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`IAM role ${creatorName} is missing: the hub needs it to delete the ocm-hub-* roles, so the clusters' cleanup finalizer may never let go. Re-create it with mode: hub-init first.`);
    }
    (0,_summary_js__WEBPACK_IMPORTED_MODULE_8__/* .logTable */ .Jn)('Removing:', rows);
    for (const name of present) {
        for (const work of works.get(name) ?? [])
            await access.client.delete((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .manifestWorkPath */ .i5)(name, work.metadata.name));
        await access.client.delete((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .managedClusterPath */ .Bp)(name));
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Deleted ManagedCluster ${name}; waiting for its cleanup finalizer`);
    }
    if (present.length > 0)
        await waitForRelease(access.client, present, config.waitTimeoutSeconds, creatorArn ?? creatorName);
    let installed = {};
    let deletedRole = false;
    if (cleanHub) {
        if (manager) {
            const clusteradm = await (0,_hub_common_js__WEBPACK_IMPORTED_MODULE_9__/* .setUpClusteradm */ .Q)(config);
            installed = { 'clusteradm-version': clusteradm.version, 'clusteradm-path': clusteradm.path };
            await (0,_clusteradm_run_js__WEBPACK_IMPORTED_MODULE_2__/* .runClusteradm */ .qg)({
                binary: clusteradm.path,
                args: ['clean'],
                kubeconfig: access.kubeconfig,
                env: access.env,
                timeoutSeconds: config.waitTimeoutSeconds + 60,
                title: 'clusteradm clean',
            });
            // clean exits 0 without doing anything while a cluster is still available.
            if (await access.client.get((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .clusterManagerPath */ .p$)())) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ('clusteradm clean left the ClusterManager in place: a ManagedCluster is still available on the hub; detach it first, then run hub-detach again.', { call: 'clusteradm clean' });
            }
        }
        deletedRole = await (0,_aws_iam_role_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteRole */ .EO)(session.iam, creatorName, _hub_init_js__WEBPACK_IMPORTED_MODULE_10__.IDENTITY_CREATOR_POLICY_NAME);
    }
    else if (kept) {
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(kept);
    }
    const changed = present.length > 0 || Boolean(cleanHub && manager) || deletedRole;
    return {
        outputs: { ...outputs, ...installed },
        changed,
        drift: false,
        report: {
            title: 'ocm-eks-join: hub-detach',
            facts,
            tableTitle: changed ? 'Removed' : undefined,
            rows: changed ? rows : [],
            emptyText: 'Nothing to remove: the clusters had already left the hub.',
            next: kept ??
                'run `mode: spoke-unjoin` (with `delete-iam: true` to delete the spoke role) in each spoke job.',
        },
    };
}
/** The hub role OCM made for a cluster, named from the ARN annotation the agent set. */
function hubRoleOf(hub, managed) {
    const arn = managed?.metadata.annotations?.['agent.open-cluster-management.io/managed-cluster-arn'];
    try {
        return arn
            ? (0,_naming_js__WEBPACK_IMPORTED_MODULE_6__/* .hubRoleName */ .nG)(hub, (0,_naming_js__WEBPACK_IMPORTED_MODULE_6__/* .parseClusterArn */ .vf)(arn, 'managed-cluster-arn'))
            : 'its ocm-hub-* role';
    }
    catch {
        return 'its ocm-hub-* role';
    }
}
async function waitForRelease(client, names, timeoutSeconds, creator) {
    try {
        await (0,_kube_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitUntil */ .a)({
            what: `ManagedCluster(s) ${names.join(', ')} to be deleted`,
            timeoutSeconds,
            check: async () => {
                const left = [...(await (0,_kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_11__/* .readManagedClusters */ .tu)(client, names))]
                    .filter(([, managed]) => managed)
                    .map(([name]) => name);
                return left.length === 0
                    ? { done: true, value: true }
                    : { done: false, missing: left.join(', ') };
            },
        });
    }
    catch (error) {
        const stuck = [...(await (0,_kube_managed_clusters_js__WEBPACK_IMPORTED_MODULE_11__/* .readManagedClusters */ .tu)(client, names))]
            .filter(([, managed]) => managed?.metadata.finalizers?.includes(FINALIZER))
            .map(([name]) => name);
        if (stuck.length === 0)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`ManagedCluster(s) ${stuck.join(', ')} still carry the finalizer ${FINALIZER} after ${timeoutSeconds} s: the hub could not delete their ocm-hub-* roles and access entries, most likely because the identity-creator role ${creator} or its permissions are gone. Restore it with mode: hub-init, then run hub-detach again.`, { call: 'DELETE managedclusters', cause: error });
    }
}


/***/ }),

/***/ 4394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IDENTITY_CREATOR_POLICY_NAME: () => (/* binding */ IDENTITY_CREATOR_POLICY_NAME),
  hubInit: () => (/* binding */ hubInit)
});

// EXTERNAL MODULE: ./src/core.ts
var core = __webpack_require__(828);
// EXTERNAL MODULE: ./src/aws/eks.ts
var eks = __webpack_require__(4192);
// EXTERNAL MODULE: ./src/aws/iam-role.ts
var iam_role = __webpack_require__(5385);
// EXTERNAL MODULE: ./src/clusteradm/bootstrap-token.ts
var bootstrap_token = __webpack_require__(9148);
// EXTERNAL MODULE: ./src/clusteradm/run.ts
var run = __webpack_require__(9079);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/kube/hub-config.ts
const RESOURCE = 'ClusterManager cluster-manager';
const GATE = 'ManagedClusterAutoApproval';
function sameSet(a = [], b = []) {
    return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
/**
 * Compares the ClusterManager's registrationConfiguration with the inputs. An empty result
 * means `clusteradm init` would change nothing the action manages.
 */
function diffClusterManager(current, wanted) {
    if (!current) {
        return [
            {
                resource: RESOURCE,
                field: 'registrationConfiguration',
                change: 'create',
                detail: 'the hub was never initialized',
            },
        ];
    }
    const registration = current.spec?.registrationConfiguration;
    const driver = registration?.registrationDrivers?.find((entry) => entry.authType === 'awsirsa');
    if (!driver) {
        return [
            {
                resource: RESOURCE,
                field: 'registrationDrivers',
                change: 'update',
                detail: 'the awsirsa driver is not enabled',
            },
        ];
    }
    const rows = [];
    const awsirsa = driver.awsirsa ?? {};
    if (awsirsa.hubClusterArn !== wanted.hubClusterArn) {
        rows.push({
            resource: RESOURCE,
            field: 'awsirsa.hubClusterArn',
            change: 'update',
            detail: `${awsirsa.hubClusterArn ?? 'unset'}, expected ${wanted.hubClusterArn}`,
        });
    }
    if (!sameSet(awsirsa.autoApprovedIdentities, wanted.autoApprovedArnPatterns)) {
        rows.push({
            resource: RESOURCE,
            field: 'awsirsa.autoApprovedIdentities',
            change: 'update',
            detail: `${(awsirsa.autoApprovedIdentities ?? []).join(', ') || 'none'}, expected ${wanted.autoApprovedArnPatterns.join(', ') || 'none'}`,
        });
    }
    if (!sameSet(awsirsa.tags, wanted.awsResourceTags)) {
        rows.push({
            resource: RESOURCE,
            field: 'awsirsa.tags',
            change: 'update',
            detail: `${(awsirsa.tags ?? []).join(', ') || 'none'}, expected ${wanted.awsResourceTags.join(', ') || 'none'}`,
        });
    }
    const gateOn = (registration?.featureGates ?? []).some((gate) => gate.feature === GATE && gate.mode !== 'Disable');
    const wantGate = wanted.autoApprovedArnPatterns.length > 0;
    if (gateOn !== wantGate) {
        rows.push({
            resource: RESOURCE,
            field: `featureGates.${GATE}`,
            change: 'update',
            detail: `${gateOn ? 'enabled' : 'disabled'}, expected ${wantGate ? 'enabled' : 'disabled'}`,
        });
    }
    return rows;
}
/** The `clusteradm init` arguments that produce `wanted`. */
function initArguments(wanted, options) {
    const args = [
        'init',
        '--wait',
        '--registration-drivers',
        'awsirsa',
        '--hub-cluster-arn',
        wanted.hubClusterArn,
    ];
    if (wanted.autoApprovedArnPatterns.length > 0) {
        args.push('--feature-gates', `${GATE}=true`, '--auto-approved-arn-patterns', wanted.autoApprovedArnPatterns.join(','));
    }
    if (wanted.awsResourceTags.length > 0)
        args.push('--aws-resource-tags', wanted.awsResourceTags.join(','));
    if (options.bundleVersion)
        args.push('--bundle-version', options.bundleVersion);
    args.push('--timeout', String(options.timeoutSeconds));
    return args;
}

// EXTERNAL MODULE: ./src/kube/ocm.ts
var ocm = __webpack_require__(932);
// EXTERNAL MODULE: ./src/kube/target.ts + 4 modules
var target = __webpack_require__(7766);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/modes/dry-run.ts
var dry_run = __webpack_require__(4365);
// EXTERNAL MODULE: ./src/policies.ts + 5 modules
var policies = __webpack_require__(9500);
// EXTERNAL MODULE: ./src/summary.ts
var summary = __webpack_require__(8855);
// EXTERNAL MODULE: ./src/token/bootstrap-token.ts
var token_bootstrap_token = __webpack_require__(2759);
// EXTERNAL MODULE: ./src/token/seal.ts
var seal = __webpack_require__(9432);
// EXTERNAL MODULE: ./src/modes/hub-common.ts + 2 modules
var hub_common = __webpack_require__(9813);
;// CONCATENATED MODULE: ./src/modes/hub-init.ts
















const IDENTITY_CREATOR_POLICY_NAME = 'ocm-identity-creator';
const ACCESS_ENTRY_MODES = ['API', 'API_AND_CONFIG_MAP'];
/**
 * hub-init: the identity-creator role the hub uses to create `ocm-hub-<hash>` roles and access
 * entries, `clusteradm init` with the awsirsa driver, and a bootstrap token for the spokes.
 */
async function hubInit(config) {
    const { session, ref: hub, cluster } = await (0,hub_common/* openHub */.C)(config);
    // The hub creates EKS access entries for each spoke; that needs the API authentication mode.
    if (cluster.authenticationMode && !ACCESS_ENTRY_MODES.includes(cluster.authenticationMode)) {
        throw new errors/* ActionError */.lZ(`Hub cluster '${hub.name}' uses authentication mode ${cluster.authenticationMode}, which has no access entries; switch it with 'aws eks update-cluster-config --name ${hub.name} --region ${hub.region} --access-config authenticationMode=API_AND_CONFIG_MAP'.`, { input: config.hub ? 'hub-cluster-arn' : 'hub-cluster-name', call: 'eks:DescribeCluster' });
    }
    const issuer = config.hubOidcProviderId
        ? (0,eks/* issuerFromId */.rs)(hub.region, config.hubOidcProviderId)
        : cluster.issuer;
    if (!issuer) {
        throw new errors/* ActionError */.lZ(`Hub cluster '${hub.name}' has no OIDC issuer; set 'hub-oidc-provider-id' or enable the cluster's OIDC issuer.`, { input: 'hub-oidc-provider-id' });
    }
    await (0,eks/* requireOidcProvider */.yI)(session.iam, hub.account, issuer, hub.name, hub.region);
    const roleName = (0,naming/* identityCreatorRoleName */.YK)(hub);
    const documents = (0,policies/* identityCreatorDocuments */.Tb)(hub, issuer);
    const desired = {
        name: roleName,
        description: `OCM awsirsa identity creator for hub ${hub.name}: creates ocm-hub-* roles and access entries`,
        trust: documents.trust,
        policyName: IDENTITY_CREATOR_POLICY_NAME,
        policy: documents.policy,
        tags: {},
    };
    const plan = await (0,iam_role/* planRole */.E8)(session.iam, desired);
    const roleRows = plan.changes.map((change) => ({
        resource: `IAM role ${roleName}`,
        field: change.field,
        change: change.action,
        detail: change.detail,
    }));
    const access = await (0,target/* accessEksCluster */.I)(session, cluster, config.kubeconfig);
    const wanted = {
        hubClusterArn: hub.arn,
        autoApprovedArnPatterns: config.autoApprovedArnPatterns,
        awsResourceTags: config.awsResourceTags,
    };
    const clusterManager = await access.client.get((0,ocm/* clusterManagerPath */.p$)());
    const hubRows = diffClusterManager(clusterManager, wanted);
    const rows = [...roleRows, ...hubRows];
    const outputs = {
        'hub-cluster-arn': hub.arn,
        'identity-creator-role-arn': plan.current?.arn ?? (0,naming/* roleArn */.w3)(hub.account, roleName),
        kubeconfig: access.kubeconfig,
    };
    const facts = [
        ['Hub cluster', hub.arn],
        ['Identity-creator role', outputs['identity-creator-role-arn']],
    ];
    if (config.dryRun) {
        return (0,dry_run/* dryRunResult */.Y)({
            mode: 'hub-init',
            outputs: { ...outputs, 'hub-apiserver': access.server },
            facts,
            rows,
            heading: 'Drift',
            inSync: 'No drift: the identity-creator role and the ClusterManager match the inputs.',
        });
    }
    (0,summary/* logTable */.Jn)('Changes on the hub:', rows);
    const role = await (0,iam_role/* applyRole */.pf)(session.iam, plan);
    outputs['identity-creator-role-arn'] = role.arn || outputs['identity-creator-role-arn'];
    const clusteradm = await (0,hub_common/* setUpClusteradm */.Q)(config);
    if (hubRows.length > 0) {
        await (0,run/* runClusteradm */.qg)({
            binary: clusteradm.path,
            args: initArguments(wanted, {
                bundleVersion: config.bundleVersion,
                timeoutSeconds: config.waitTimeoutSeconds,
            }),
            kubeconfig: access.kubeconfig,
            env: access.env,
            timeoutSeconds: config.waitTimeoutSeconds + 60,
            title: `clusteradm init on ${hub.name}`,
            discoverSecrets: (stdout) => [(0,run/* parseInitOutput */.n0)(stdout).token ?? ''].filter(Boolean),
        });
        core/* info */.pq('Hub initialized');
    }
    else {
        core/* info */.pq('Hub already initialized with these settings; clusteradm init skipped');
    }
    const { token, apiserver } = await (0,bootstrap_token/* readBootstrapToken */.u)({
        binary: clusteradm.path,
        access,
        timeoutSeconds: config.waitTimeoutSeconds + 60,
        title: 'clusteradm get token',
    });
    const expiresAt = (0,token_bootstrap_token/* tokenExpiry */.f)(token);
    Object.assign(outputs, {
        'hub-apiserver': apiserver,
        'hub-token': token,
        'hub-token-expires-at': expiresAt?.toISOString(),
        'clusteradm-version': clusteradm.version,
        'clusteradm-path': clusteradm.path,
    });
    if (config.tokenPassphrase)
        outputs['hub-token-sealed'] = (0,seal/* sealToken */.f)(token, config.tokenPassphrase, apiserver);
    const changed = role.changes.length > 0 || hubRows.length > 0;
    return {
        outputs,
        changed,
        drift: false,
        report: {
            title: 'ocm-eks-join: hub-init',
            facts: [
                ...facts,
                ['Hub API server', apiserver],
                ['Bootstrap token expires', expiresAt?.toISOString() ?? 'unknown'],
                ['clusteradm', clusteradm.version],
            ],
            tableTitle: changed ? 'Changes' : undefined,
            rows,
            emptyText: 'The hub was already initialized with these settings; nothing changed.',
            next: config.tokenPassphrase
                ? 'pass `hub-apiserver` and `hub-token-sealed` to the spoke jobs (`mode: spoke-prepare`, then `mode: spoke-join` with the same `token-passphrase`).'
                : 'pass `hub-apiserver` to the spoke jobs and let them mint a token with `hub-role-to-assume`, or set `token-passphrase` to get `hub-token-sealed`.',
        },
    };
}


/***/ })

};
