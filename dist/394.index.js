export const id = 394;
export const ids = [394];
export const modules = {

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
