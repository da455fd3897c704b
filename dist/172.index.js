export const id = 172;
export const ids = [172];
export const modules = {

/***/ 1528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ openSpoke)
/* harmony export */ });
/* harmony import */ var _aws_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6963);
/* harmony import */ var _aws_eks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4192);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8499);



/** Opens the spoke account and reads the spoke cluster, in the region of `aws-region`. */
async function openSpoke(config) {
    const hub = config.hub;
    const session = await (0,_aws_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .openSession */ .f)(config.aws);
    const name = config.spokeClusterName;
    const cluster = await (0,_aws_eks_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCluster */ .K$)(session.eks, name, 'spoke-cluster-name');
    const ref = { ...(0,_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .clusterRef */ .eN)(config.aws.region, session.account, cluster.name), arn: cluster.arn };
    return { session, ref, cluster, roleName: (0,_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .spokeRoleName */ .ye)(hub, ref) };
}


/***/ }),

/***/ 4172:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  spokeJoin: () => (/* binding */ spokeJoin)
});

// EXTERNAL MODULE: ./src/core.ts
var core = __webpack_require__(828);
// EXTERNAL MODULE: ./src/aws/iam-role.ts
var iam_role = __webpack_require__(5385);
// EXTERNAL MODULE: ./src/clusteradm/bootstrap-token.ts
var bootstrap_token = __webpack_require__(9148);
// EXTERNAL MODULE: ./src/clusteradm/run.ts
var run = __webpack_require__(9079);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/kube/klusterlet.ts
const RESOURCE = 'Klusterlet klusterlet';
/**
 * Compares the spoke's Klusterlet with what spoke-join would make, and reports registration
 * trouble: a degraded condition or an Available condition that is not True.
 */
function diffKlusterlet(current, wanted) {
    if (!current)
        return [
            {
                resource: RESOURCE,
                field: 'klusterlet',
                change: 'create',
                detail: 'the spoke has not joined a hub',
            },
        ];
    const rows = [];
    const driver = current.spec?.registrationConfiguration?.registrationDriver;
    const compare = (field, actual, expected) => {
        if (actual !== expected)
            rows.push({
                resource: RESOURCE,
                field,
                change: 'update',
                detail: `${actual ?? 'unset'}, expected ${expected}`,
            });
    };
    compare('clusterName', current.spec?.clusterName, wanted.clusterName);
    compare('registrationDriver.authType', driver?.authType, 'awsirsa');
    compare('awsIrsa.hubClusterArn', driver?.awsIrsa?.hubClusterArn, wanted.hubClusterArn);
    compare('awsIrsa.managedClusterArn', driver?.awsIrsa?.managedClusterArn, wanted.managedClusterArn);
    for (const condition of current.status?.conditions ?? []) {
        const degraded = /Degraded$/.test(condition.type) && condition.status === 'True';
        const unavailable = condition.type === 'Available' && condition.status !== 'True';
        if (degraded || unavailable) {
            rows.push({
                resource: RESOURCE,
                field: `condition ${condition.type}`,
                change: 'degraded',
                detail: `${condition.status}: ${condition.message ?? condition.reason ?? ''}`,
            });
        }
    }
    return rows;
}

// EXTERNAL MODULE: ./src/kube/ocm.ts
var ocm = __webpack_require__(932);
// EXTERNAL MODULE: ./src/kube/target.ts + 4 modules
var target = __webpack_require__(7766);
// EXTERNAL MODULE: ./src/modes/dry-run.ts
var dry_run = __webpack_require__(4365);
// EXTERNAL MODULE: ./src/summary.ts
var summary = __webpack_require__(8855);
// EXTERNAL MODULE: ./src/token/bootstrap-token.ts
var token_bootstrap_token = __webpack_require__(2759);
// EXTERNAL MODULE: ./src/token/seal.ts
var seal = __webpack_require__(9432);
// EXTERNAL MODULE: ./src/modes/hub-common.ts + 2 modules
var hub_common = __webpack_require__(9813);
// EXTERNAL MODULE: ./src/modes/spoke-common.ts
var spoke_common = __webpack_require__(1528);
// EXTERNAL MODULE: ./src/modes/spoke-prepare.ts
var spoke_prepare = __webpack_require__(9938);
;// CONCATENATED MODULE: ./src/modes/spoke-join.ts















/**
 * spoke-join: checks the spoke role from spoke-prepare, obtains the bootstrap token, and runs
 * `clusteradm join` with the awsirsa registration unless the Klusterlet already matches.
 */
async function spokeJoin(config) {
    const hub = config.hub;
    const apiserver = config.hubApiserver;
    // A sealed token is opened and masked before anything else can print.
    let token = config.hubToken;
    let tokenInput = 'hub-token';
    if (!token && config.hubTokenSealed) {
        token = (0,seal/* openToken */.M)(config.hubTokenSealed, config.tokenPassphrase, apiserver);
        core/* setSecret */.Pq(token);
        tokenInput = 'hub-token-sealed';
    }
    const { session, ref: spoke, cluster, roleName } = await (0,spoke_common/* openSpoke */.l)(config);
    const name = config.managedClusterNames[0];
    const role = await (0,iam_role/* readRole */.fP)(session.iam, roleName, spoke_prepare.SPOKE_POLICY_NAME);
    if (!role) {
        throw new errors/* ActionError */.lZ(`IAM role ${roleName} does not exist in account ${spoke.account}: run this action with 'mode: spoke-prepare' (same 'hub-cluster-arn' and 'spoke-cluster-name') before spoke-join.`, { call: 'iam:GetRole' });
    }
    const access = await (0,target/* accessEksCluster */.I)(session, cluster, config.kubeconfig);
    const klusterlet = await access.client.get((0,ocm/* klusterletPath */.HF)());
    const rows = diffKlusterlet(klusterlet, {
        clusterName: name,
        hubClusterArn: hub.arn,
        managedClusterArn: spoke.arn,
    });
    const outputs = {
        'hub-cluster-arn': hub.arn,
        'hub-apiserver': apiserver,
        'managed-cluster-arn': spoke.arn,
        'managed-cluster-name': name,
        'spoke-role-arn': role.arn,
        kubeconfig: access.kubeconfig,
    };
    const facts = [
        ['Managed cluster', `${name} (${spoke.arn})`],
        ['Spoke role', role.arn],
        ['Hub cluster', hub.arn],
    ];
    if (config.dryRun) {
        return (0,dry_run/* dryRunResult */.Y)({
            mode: 'spoke-join',
            outputs,
            facts,
            rows,
            heading: 'Drift',
            inSync: `No drift: the Klusterlet on \`${spoke.name}\` is registered to this hub and healthy.`,
        });
    }
    const clusteradm = await (0,hub_common/* setUpClusteradm */.Q)(config);
    const installed = {
        'clusteradm-version': clusteradm.version,
        'clusteradm-path': clusteradm.path,
    };
    if (rows.length === 0) {
        core/* info */.pq(`${spoke.name} has already joined hub ${hub.name} as ${name}; clusteradm join skipped`);
        return {
            outputs: { ...outputs, ...installed },
            changed: false,
            drift: false,
            report: {
                title: 'ocm-eks-join: spoke-join',
                facts,
                rows: [],
                emptyText: 'The spoke had already joined this hub; nothing changed.',
                next: `run \`mode: accept\` on the hub for \`${name}\`.`,
            },
        };
    }
    if (!token) {
        token = await mintToken(config, clusteradm);
        tokenInput = 'hub-role-to-assume';
    }
    (0,token_bootstrap_token/* assertNotExpired */.H)(token, new Date(), tokenInput);
    (0,summary/* logTable */.Jn)('Joining:', rows);
    const args = [
        'join',
        '--hub-token',
        token,
        '--hub-apiserver',
        apiserver,
        '--cluster-name',
        name,
        '--wait',
        '--registration-auth',
        'awsirsa',
        '--hub-cluster-arn',
        hub.arn,
        '--managed-cluster-arn',
        spoke.arn,
    ];
    if (config.singleton)
        args.push('--singleton');
    if (config.bundleVersion)
        args.push('--bundle-version', config.bundleVersion);
    args.push('--timeout', String(config.waitTimeoutSeconds));
    await (0,run/* runClusteradm */.qg)({
        binary: clusteradm.path,
        args,
        kubeconfig: access.kubeconfig,
        env: access.env,
        timeoutSeconds: config.waitTimeoutSeconds + 60,
        title: `clusteradm join ${name}`,
        secrets: [token],
    });
    core/* info */.pq(`${spoke.name} joined hub ${hub.name} as ManagedCluster ${name}`);
    return {
        outputs: { ...outputs, ...installed },
        changed: true,
        drift: false,
        report: {
            title: 'ocm-eks-join: spoke-join',
            facts,
            tableTitle: 'Changes',
            rows,
            next: `run \`mode: accept\` on the hub with \`managed-cluster-name: ${name}\`.`,
        },
    };
}
/** Gets a fresh bootstrap token from the hub itself, as the hub role. */
async function mintToken(config, clusteradm) {
    const hubRegion = config.hub.region;
    const hub = await (0,hub_common/* openHub */.C)(config, { ...config.aws, region: hubRegion }, config.hubRoleToAssume, 'hub-role-to-assume');
    const access = await (0,target/* accessEksCluster */.I)(hub.session, hub.cluster);
    const { token } = await (0,bootstrap_token/* readBootstrapToken */.u)({
        binary: clusteradm.path,
        access,
        timeoutSeconds: config.waitTimeoutSeconds + 60,
        title: `clusteradm get token from ${hub.ref.name}`,
    });
    core/* info */.pq(`Minted a bootstrap token from hub ${hub.ref.name}`);
    return token;
}


/***/ }),

/***/ 9938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SPOKE_POLICY_NAME: () => (/* binding */ SPOKE_POLICY_NAME),
/* harmony export */   spokePrepare: () => (/* binding */ spokePrepare)
/* harmony export */ });
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _aws_eks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4192);
/* harmony import */ var _aws_credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6963);
/* harmony import */ var _aws_iam_role_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5385);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(201);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8499);
/* harmony import */ var _dry_run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4365);
/* harmony import */ var _policies_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9500);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8855);










const SPOKE_POLICY_NAME = 'ocm-assume-hub-role';
const SPOKE_TAG_KEYS = [
    'hub_cluster_account_id',
    'hub_cluster_name',
    'managed_cluster_account_id',
    'managed_cluster_name',
];
/**
 * spoke-prepare: the spoke IAM role `ocm-managed-cluster-<hash>` that the klusterlet's service
 * accounts assume, with the tags the hub role's trust policy checks.
 */
async function spokePrepare(config) {
    const hub = config.hub;
    const spokeName = config.spokeClusterName;
    const region = config.aws.region;
    const session = await (0,_aws_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .openSession */ .f)(config.aws);
    // The issuer comes from EKS unless the user gave the provider ID (one call fewer).
    let issuer;
    let spokeArn = (0,_naming_js__WEBPACK_IMPORTED_MODULE_6__/* .clusterRef */ .eN)(region, session.account, spokeName).arn;
    if (config.spokeOidcProviderId) {
        issuer = (0,_aws_eks_js__WEBPACK_IMPORTED_MODULE_1__/* .issuerFromId */ .rs)(region, config.spokeOidcProviderId);
    }
    else {
        const cluster = await (0,_aws_eks_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCluster */ .K$)(session.eks, spokeName, 'spoke-cluster-name');
        issuer = cluster.issuer;
        spokeArn = cluster.arn;
    }
    if (!issuer) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`EKS cluster '${spokeName}' has no OIDC issuer; IAM roles for service accounts need one (set 'spoke-oidc-provider-id' or enable the cluster's OIDC issuer).`, { input: 'spoke-cluster-name' });
    }
    const spoke = (0,_naming_js__WEBPACK_IMPORTED_MODULE_6__/* .clusterRef */ .eN)(region, session.account, spokeName);
    const name = (0,_naming_js__WEBPACK_IMPORTED_MODULE_6__/* .spokeRoleName */ .ye)(hub, spoke);
    const documents = (0,_policies_js__WEBPACK_IMPORTED_MODULE_8__/* .spokeRoleDocuments */ .n0)(hub, spoke, issuer);
    const desired = {
        name,
        description: `OCM awsirsa spoke role: ${spoke.name} (${spoke.account}) joined to hub ${hub.name} (${hub.account})`,
        trust: documents.trust,
        policyName: SPOKE_POLICY_NAME,
        policy: documents.policy,
        tags: documents.tags,
        ownedTagKeys: SPOKE_TAG_KEYS,
    };
    const plan = await (0,_aws_iam_role_js__WEBPACK_IMPORTED_MODULE_3__/* .planRole */ .E8)(session.iam, desired);
    const rows = plan.changes.map((change) => ({
        resource: `IAM role ${name}`,
        field: change.field,
        change: change.action,
        detail: change.detail,
    }));
    const outputs = {
        'spoke-role-arn': plan.current?.arn ?? (0,_naming_js__WEBPACK_IMPORTED_MODULE_6__/* .roleArn */ .w3)(spoke.account, name),
        'managed-cluster-arn': spokeArn,
        'managed-cluster-name': config.managedClusterNames[0],
        'hub-cluster-arn': hub.arn,
    };
    const facts = [
        ['Spoke role', outputs['spoke-role-arn']],
        ['Managed cluster', spokeArn],
        ['Hub cluster', hub.arn],
    ];
    if (config.dryRun) {
        await (0,_aws_eks_js__WEBPACK_IMPORTED_MODULE_1__/* .requireOidcProvider */ .yI)(session.iam, spoke.account, issuer, spokeName, region);
        return (0,_dry_run_js__WEBPACK_IMPORTED_MODULE_7__/* .dryRunResult */ .Y)({
            mode: 'spoke-prepare',
            outputs,
            facts,
            rows,
            heading: `Drift in IAM role ${name}`,
            inSync: `No drift: IAM role \`${name}\` matches.`,
        });
    }
    (0,_summary_js__WEBPACK_IMPORTED_MODULE_9__/* .logTable */ .Jn)(`Changes to IAM role ${name}:`, rows);
    let result;
    try {
        result = await (0,_aws_iam_role_js__WEBPACK_IMPORTED_MODULE_3__/* .applyRole */ .pf)(session.iam, plan);
    }
    catch (error) {
        // IAM refuses a trust policy whose OIDC provider does not exist; say how to create it.
        if (/MalformedPolicyDocument/.test((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_4__/* .errorName */ .Is)(error.cause) ?? '')) {
            await (0,_aws_eks_js__WEBPACK_IMPORTED_MODULE_1__/* .requireOidcProvider */ .yI)(session.iam, spoke.account, issuer, spokeName, region);
        }
        throw error;
    }
    if (rows.length === 0)
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`IAM role ${name} is already in sync; nothing to change`);
    return {
        outputs: { ...outputs, 'spoke-role-arn': result.arn || outputs['spoke-role-arn'] },
        changed: result.changes.length > 0,
        drift: false,
        report: {
            title: 'ocm-eks-join: spoke-prepare',
            facts,
            tableTitle: result.changes.length ? 'Changes' : undefined,
            rows: result.changes.map((change) => ({
                resource: `IAM role ${name}`,
                field: change.field,
                change: change.action,
                detail: change.detail,
            })),
            emptyText: `IAM role \`${name}\` was already in sync; nothing changed.`,
            next: `run this action with \`mode: spoke-join\` for \`${config.managedClusterNames[0]}\`.`,
        },
    };
}


/***/ })

};
