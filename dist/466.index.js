export const id = 466;
export const ids = [466];
export const modules = {

/***/ 5385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E8: () => (/* binding */ planRole),
/* harmony export */   EO: () => (/* binding */ deleteRole),
/* harmony export */   _$: () => (/* binding */ findRole),
/* harmony export */   fP: () => (/* binding */ readRole),
/* harmony export */   pf: () => (/* binding */ applyRole)
/* harmony export */ });
/* unused harmony exports diffRole, iamError */
/* harmony import */ var _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6764);
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _policies_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9500);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(201);





/** Reads the role as it is: GetRole (trust policy and tags) and the one inline policy. */
async function readRole(iam, name, policyName) {
    let role;
    try {
        role = (await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .GetRoleCommand */ .kbp({ RoleName: name }))).Role;
    }
    catch (error) {
        if ((0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error) === 'NoSuchEntityException' || (0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error) === 'NoSuchEntity')
            return undefined;
        throw iamError('iam:GetRole', name, error);
    }
    if (!role?.Arn || !role.RoleId)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`iam:GetRole for '${name}' returned no role.`, { call: 'iam:GetRole' });
    let policy;
    try {
        const answer = await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .GetRolePolicyCommand */ .WHQ({ RoleName: name, PolicyName: policyName }));
        policy = (0,_policies_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(answer.PolicyDocument);
    }
    catch (error) {
        const code = (0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error);
        if (code !== 'NoSuchEntityException' && code !== 'NoSuchEntity')
            throw iamError('iam:GetRolePolicy', name, error);
    }
    return {
        arn: role.Arn,
        roleId: role.RoleId,
        trust: (0,_policies_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(role.AssumeRolePolicyDocument),
        policy,
        tags: Object.fromEntries((role.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
    };
}
/** Compares what is with what should be. Pure: no AWS call. */
function diffRole(desired, current) {
    if (!current)
        return [{ field: 'role', action: 'create', detail: `create ${desired.name}` }];
    const changes = [];
    if (!(0,_policies_js__WEBPACK_IMPORTED_MODULE_2__/* .sameDocument */ ._H)(current.trust, desired.trust)) {
        changes.push({
            field: 'trust policy',
            action: 'update',
            detail: 'differs from the expected trust policy',
        });
    }
    if (!current.policy) {
        changes.push({
            field: 'inline policy',
            action: 'add',
            detail: `${desired.policyName} is missing`,
        });
    }
    else if (!(0,_policies_js__WEBPACK_IMPORTED_MODULE_2__/* .sameDocument */ ._H)(current.policy, desired.policy)) {
        changes.push({
            field: 'inline policy',
            action: 'update',
            detail: `${desired.policyName} differs`,
        });
    }
    for (const [key, value] of Object.entries(desired.tags)) {
        if (!(key in current.tags))
            changes.push({ field: `tag ${key}`, action: 'add', detail: `missing, expected "${value}"` });
        else if (current.tags[key] !== value) {
            changes.push({
                field: `tag ${key}`,
                action: 'update',
                detail: `"${current.tags[key]}", expected "${value}"`,
            });
        }
    }
    for (const key of desired.ownedTagKeys ?? []) {
        if (key in current.tags && !(key in desired.tags))
            changes.push({
                field: `tag ${key}`,
                action: 'remove',
                detail: `"${current.tags[key]}" is no longer wanted`,
            });
    }
    return changes;
}
async function planRole(iam, desired) {
    const current = await readRole(iam, desired.name, desired.policyName);
    return { desired, current, changes: diffRole(desired, current) };
}
/**
 * Makes the role match the plan with the fewest writes. A role that another writer creates
 * between our read and our create is adopted: read again and converge, never replace.
 */
async function applyRole(iam, plan) {
    const { desired } = plan;
    if (!plan.current) {
        try {
            const created = await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .CreateRoleCommand */ .IS({
                RoleName: desired.name,
                Description: desired.description,
                AssumeRolePolicyDocument: JSON.stringify(desired.trust),
                Tags: Object.entries(desired.tags).map(([Key, Value]) => ({ Key, Value })),
            }));
            await putPolicy(iam, desired);
            _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Created IAM role ${desired.name}`);
            return {
                arn: created.Role?.Arn ?? '',
                roleId: created.Role?.RoleId ?? '',
                changes: plan.changes,
            };
        }
        catch (error) {
            if ((0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error) !== 'EntityAlreadyExistsException' &&
                (0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error) !== 'EntityAlreadyExists') {
                throw error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ
                    ? error
                    : iamError('iam:CreateRole', desired.name, error);
            }
            _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`IAM role ${desired.name} was created concurrently by another run; adopting it`);
            const again = await planRole(iam, desired);
            if (!again.current)
                throw iamError('iam:CreateRole', desired.name, error);
            const adopted = await applyRole(iam, again);
            return { ...adopted, changes: [...plan.changes, ...adopted.changes] };
        }
    }
    const current = plan.current;
    for (const change of plan.changes) {
        if (change.field === 'trust policy') {
            await send(iam, 'iam:UpdateAssumeRolePolicy', desired.name, new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .UpdateAssumeRolePolicyCommand */ .tuH({
                RoleName: desired.name,
                PolicyDocument: JSON.stringify(desired.trust),
            }));
        }
        if (change.field === 'inline policy')
            await putPolicy(iam, desired);
    }
    const tagsToSet = plan.changes.filter((change) => change.field.startsWith('tag ') && change.action !== 'remove');
    if (tagsToSet.length > 0) {
        const Tags = tagsToSet.map((change) => {
            const Key = change.field.slice(4);
            return { Key, Value: desired.tags[Key] };
        });
        await send(iam, 'iam:TagRole', desired.name, new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .TagRoleCommand */ .Wcv({ RoleName: desired.name, Tags }));
    }
    const tagsToRemove = plan.changes
        .filter((change) => change.action === 'remove')
        .map((change) => change.field.slice(4));
    if (tagsToRemove.length > 0) {
        await send(iam, 'iam:UntagRole', desired.name, new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .UntagRoleCommand */ .Hmm({ RoleName: desired.name, TagKeys: tagsToRemove }));
    }
    if (plan.changes.length > 0)
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Updated IAM role ${desired.name}: ${plan.changes.map((change) => change.field).join(', ')}`);
    return { arn: current.arn, roleId: current.roleId, changes: plan.changes };
}
/** The role's ARN when it exists; a single GetRole. */
async function findRole(iam, name) {
    try {
        return (await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .GetRoleCommand */ .kbp({ RoleName: name }))).Role?.Arn;
    }
    catch (error) {
        if ((0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error) === 'NoSuchEntityException' || (0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error) === 'NoSuchEntity')
            return undefined;
        throw iamError('iam:GetRole', name, error);
    }
}
/** Deletes a role the action created: the inline policy first, as IAM requires. */
async function deleteRole(iam, name, policyName) {
    try {
        await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .DeleteRolePolicyCommand */ .Tt({ RoleName: name, PolicyName: policyName }));
    }
    catch (error) {
        const code = (0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error);
        if (code !== 'NoSuchEntityException' && code !== 'NoSuchEntity')
            throw iamError('iam:DeleteRolePolicy', name, error);
    }
    try {
        await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .DeleteRoleCommand */ .$kI({ RoleName: name }));
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Deleted IAM role ${name}`);
        return true;
    }
    catch (error) {
        const code = (0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error);
        if (code === 'NoSuchEntityException' || code === 'NoSuchEntity')
            return false;
        throw iamError('iam:DeleteRole', name, error);
    }
}
async function putPolicy(iam, desired) {
    await send(iam, 'iam:PutRolePolicy', desired.name, new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .PutRolePolicyCommand */ .pMt({
        RoleName: desired.name,
        PolicyName: desired.policyName,
        PolicyDocument: JSON.stringify(desired.policy),
    }));
}
async function send(iam, call, role, command) {
    try {
        await iam.send(command);
    }
    catch (error) {
        throw iamError(call, role, error);
    }
}
function iamError(call, role, error) {
    const hint = (0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .isAccessDenied */ .w7)(error)
        ? ` The role the workflow runs as needs ${call} on role ${role}; see permissions/ for the policy each mode needs.`
        : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${call} on IAM role ${role} failed (${(0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error) ?? 'Error'}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}.${hint}`, { call, cause: error });
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


/***/ }),

/***/ 8466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   spokeUnjoin: () => (/* binding */ spokeUnjoin)
/* harmony export */ });
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _aws_iam_role_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5385);
/* harmony import */ var _clusteradm_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9079);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(932);
/* harmony import */ var _kube_target_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7766);
/* harmony import */ var _kube_wait_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8368);
/* harmony import */ var _dry_run_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4365);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8855);
/* harmony import */ var _hub_common_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9813);
/* harmony import */ var _spoke_common_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1528);
/* harmony import */ var _spoke_prepare_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9938);
/* harmony import */ var _verify_workload_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5705);













/**
 * spoke-unjoin: removes the klusterlet with `clusteradm unjoin`, refusing clusteradm's silent
 * no-op while workloads from the hub remain, and with `delete-iam` the spoke role too.
 */
async function spokeUnjoin(config) {
    const hub = config.hub;
    const name = config.managedClusterNames[0];
    const { session, ref: spoke, cluster, roleName } = await (0,_spoke_common_js__WEBPACK_IMPORTED_MODULE_9__/* .openSpoke */ .l)(config);
    const access = await (0,_kube_target_js__WEBPACK_IMPORTED_MODULE_4__/* .accessEksCluster */ .I)(session, cluster, config.kubeconfig);
    const klusterlet = await access.client.get((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .klusterletPath */ .HF)());
    const applied = await access.client.list((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .appliedManifestWorksPath */ .y)());
    const ours = applied.filter((work) => work.spec?.manifestWorkName === _verify_workload_js__WEBPACK_IMPORTED_MODULE_11__/* .VERIFY_WORK_NAME */ .Y_);
    const foreign = applied.filter((work) => work.spec?.manifestWorkName !== _verify_workload_js__WEBPACK_IMPORTED_MODULE_11__/* .VERIFY_WORK_NAME */ .Y_);
    const roleArn = config.deleteIam ? await (0,_aws_iam_role_js__WEBPACK_IMPORTED_MODULE_1__/* .findRole */ ._$)(session.iam, roleName) : undefined;
    const rows = [];
    for (const work of ours)
        rows.push({
            resource: `AppliedManifestWork ${work.metadata.name}`,
            field: 'verification leftover',
            change: 'remove',
            detail: 'left by an interrupted verify-workload',
        });
    if (klusterlet)
        rows.push({
            resource: 'Klusterlet klusterlet',
            field: 'klusterlet',
            change: 'remove',
            detail: `registered as ${klusterlet.spec?.clusterName ?? name}`,
        });
    if (roleArn)
        rows.push({
            resource: `IAM role ${roleName}`,
            field: 'role',
            change: 'remove',
            detail: 'delete-iam is true',
        });
    const facts = [
        ['Managed cluster', `${name} (${spoke.arn})`],
        ['Hub cluster', hub.arn],
    ];
    const outputs = {
        'hub-cluster-arn': hub.arn,
        'managed-cluster-arn': spoke.arn,
        'managed-cluster-name': name,
        kubeconfig: access.kubeconfig,
    };
    if (config.dryRun) {
        return (0,_dry_run_js__WEBPACK_IMPORTED_MODULE_6__/* .dryRunResult */ .Y)({
            mode: 'spoke-unjoin',
            outputs,
            facts,
            rows,
            heading: 'Would remove',
            inSync: 'Nothing to remove: the spoke has no klusterlet.',
        });
    }
    if (klusterlet && foreign.length > 0)
        throw workloadsRemain(foreign, name);
    (0,_summary_js__WEBPACK_IMPORTED_MODULE_7__/* .logTable */ .Jn)('Removing:', rows);
    for (const work of ours)
        await access.client.delete(`${(0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .appliedManifestWorksPath */ .y)()}/${work.metadata.name}`);
    let installed = {};
    if (klusterlet) {
        const clusteradm = await (0,_hub_common_js__WEBPACK_IMPORTED_MODULE_8__/* .setUpClusteradm */ .Q)(config);
        installed = { 'clusteradm-version': clusteradm.version, 'clusteradm-path': clusteradm.path };
        await (0,_clusteradm_run_js__WEBPACK_IMPORTED_MODULE_2__/* .runClusteradm */ .qg)({
            binary: clusteradm.path,
            args: ['unjoin', '--cluster-name', name],
            kubeconfig: access.kubeconfig,
            env: access.env,
            timeoutSeconds: config.waitTimeoutSeconds + 60,
            title: `clusteradm unjoin ${name}`,
        });
        await waitForKlusterletGone(access.client, name, config.waitTimeoutSeconds);
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${spoke.name} left hub ${hub.name}`);
    }
    else {
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${spoke.name} has no klusterlet; nothing to unjoin`);
    }
    const deleted = config.deleteIam
        ? await (0,_aws_iam_role_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteRole */ .EO)(session.iam, roleName, _spoke_prepare_js__WEBPACK_IMPORTED_MODULE_10__.SPOKE_POLICY_NAME)
        : false;
    const changed = ours.length > 0 || klusterlet !== undefined || deleted;
    return {
        outputs: { ...outputs, ...installed },
        changed,
        drift: false,
        report: {
            title: 'ocm-eks-join: spoke-unjoin',
            facts,
            tableTitle: changed ? 'Removed' : undefined,
            rows: changed ? rows : [],
            emptyText: 'Nothing to remove: the spoke had already left the hub.',
            next: config.deleteIam
                ? undefined
                : 'set `delete-iam: true` to delete the spoke role as well.',
        },
    };
}
/** clusteradm unjoin exits 0 and does nothing while AppliedManifestWorks remain; say so. */
function workloadsRemain(works, name) {
    const names = works.map((work) => work.spec?.manifestWorkName ?? work.metadata.name).join(', ');
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`The spoke still runs workloads from the hub (AppliedManifestWorks for ${names}), so clusteradm unjoin would do nothing: delete those ManifestWorks in namespace ${name} on the hub first (mode: hub-detach does this), then run spoke-unjoin again.`, { call: 'clusteradm unjoin' });
}
async function waitForKlusterletGone(client, name, timeoutSeconds) {
    await (0,_kube_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitUntil */ .a)({
        what: 'the klusterlet to be removed',
        timeoutSeconds,
        hint: 'the klusterlet operator on the spoke',
        check: async () => {
            if (!(await client.get((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .klusterletPath */ .HF)())))
                return { done: true, value: true };
            // The silent no-op: clusteradm returned, but workloads keep the klusterlet in place.
            const remaining = await client.list((0,_kube_ocm_js__WEBPACK_IMPORTED_MODULE_12__/* .appliedManifestWorksPath */ .y)());
            if (remaining.length > 0)
                throw workloadsRemain(remaining, name);
            return { done: false, missing: 'Klusterlet klusterlet' };
        },
    });
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


/***/ }),

/***/ 9500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Tb: () => (/* binding */ identityCreatorDocuments),
  Tp: () => (/* binding */ parseDocument),
  _H: () => (/* binding */ sameDocument),
  n0: () => (/* binding */ spokeRoleDocuments)
});

// UNUSED EXPORTS: canonical, render

;// CONCATENATED MODULE: ./templates/identity-creator-policy.json
const identity_creator_policy_namespaceObject = /*#__PURE__*/JSON.parse('{"Version":"2012-10-17","Statement":[{"Sid":"ManageHubRoles","Effect":"Allow","Action":["iam:CreateRole","iam:TagRole","iam:DeleteRole"],"Resource":"arn:aws:iam::{{hubAccount}}:role/ocm-hub-*"},{"Sid":"ManageAccessEntries","Effect":"Allow","Action":["eks:CreateAccessEntry","eks:DeleteAccessEntry","eks:TagResource"],"Resource":["arn:aws:eks:{{hubRegion}}:{{hubAccount}}:cluster/{{hubName}}","arn:aws:eks:{{hubRegion}}:{{hubAccount}}:access-entry/{{hubName}}/*"]}]}');
;// CONCATENATED MODULE: ./templates/identity-creator-trust.json
const identity_creator_trust_namespaceObject = /*#__PURE__*/JSON.parse('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"{{oidcProviderArn}}"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"{{issuer}}:aud":"sts.amazonaws.com","{{issuer}}:sub":"system:serviceaccount:open-cluster-management-hub:registration-controller-sa"}}}]}');
;// CONCATENATED MODULE: ./templates/spoke-role-policy.json
const spoke_role_policy_namespaceObject = /*#__PURE__*/JSON.parse('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{{hubAccount}}:role/ocm-hub-{{hash}}"}]}');
;// CONCATENATED MODULE: ./templates/spoke-role-tags.json
const spoke_role_tags_namespaceObject = /*#__PURE__*/JSON.parse('{"hub_cluster_account_id":"{{hubAccount}}","hub_cluster_name":"{{hubName}}","managed_cluster_account_id":"{{spokeAccount}}","managed_cluster_name":"{{spokeName}}"}');
;// CONCATENATED MODULE: ./templates/spoke-role-trust.json
const spoke_role_trust_namespaceObject = /*#__PURE__*/JSON.parse('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"{{oidcProviderArn}}"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"{{issuer}}:aud":"sts.amazonaws.com","{{issuer}}:sub":["system:serviceaccount:open-cluster-management-agent:klusterlet-work-sa","system:serviceaccount:open-cluster-management-agent:klusterlet-registration-sa"]}}}]}');
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
;// CONCATENATED MODULE: ./src/policies.ts







/**
 * Fills `{{name}}` placeholders in the keys and string values of a parsed JSON template.
 * Documents are built as objects and serialised once, so no value can break their syntax.
 */
function render(template, values) {
    const fill = (text) => text.replace(/\{\{(\w+)\}\}/g, (_, name) => {
        const value = values[name];
        if (value === undefined)
            throw new errors/* ActionError */.lZ(`Template placeholder '${name}' has no value.`);
        return value;
    });
    const walk = (node) => {
        if (typeof node === 'string')
            return fill(node);
        if (Array.isArray(node))
            return node.map(walk);
        if (node && typeof node === 'object') {
            return Object.fromEntries(Object.entries(node).map(([key, value]) => [fill(key), walk(value)]));
        }
        return node;
    };
    return walk(template);
}
/** The spoke role's trust policy, inline policy and tags, as OCM's hub expects them. */
function spokeRoleDocuments(hub, spoke, issuer) {
    const values = {
        oidcProviderArn: (0,naming/* oidcProviderArn */.iw)(spoke.account, issuer),
        issuer: (0,naming/* issuerHostPath */.rw)(issuer),
        hubAccount: hub.account,
        hubName: hub.name,
        spokeAccount: spoke.account,
        spokeName: spoke.name,
        hash: (0,naming/* ocmHash */.Mi)(hub, spoke),
    };
    return {
        trust: render(spoke_role_trust_namespaceObject, values),
        policy: render(spoke_role_policy_namespaceObject, values),
        tags: render(spoke_role_tags_namespaceObject, values),
    };
}
/** The identity-creator role's trust policy and the permissions the hub uses through it. */
function identityCreatorDocuments(hub, issuer) {
    const values = {
        oidcProviderArn: (0,naming/* oidcProviderArn */.iw)(hub.account, issuer),
        issuer: (0,naming/* issuerHostPath */.rw)(issuer),
        hubAccount: hub.account,
        hubRegion: hub.region,
        hubName: hub.name,
    };
    return {
        trust: render(identity_creator_trust_namespaceObject, values),
        policy: render(identity_creator_policy_namespaceObject, values),
    };
}
/** IAM hands documents back URL-encoded; callers may also hold them as text or objects. */
function parseDocument(document) {
    if (document === undefined)
        return undefined;
    if (typeof document !== 'string')
        return document;
    const text = document.trimStart().startsWith('{') ? document : decodeURIComponent(document);
    return JSON.parse(text);
}
const LIST_KEYS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);
/**
 * A canonical form in which documents that IAM treats alike compare equal: statements in any
 * order, a string or a one-element array, values in any order within a list, duplicates.
 */
function canonical(document) {
    const sortList = (value) => {
        const list = Array.isArray(value) ? value : [value];
        return [...new Set(list.map((item) => JSON.stringify(normalise(item))))]
            .sort()
            .map((item) => JSON.parse(item));
    };
    const normalise = (node, key) => {
        if (key && LIST_KEYS.has(key))
            return sortList(node);
        if (Array.isArray(node))
            return node.map((item) => normalise(item));
        if (node && typeof node === 'object') {
            const entries = Object.keys(node)
                .sort()
                .map((name) => [name, normalise(node[name], name)]);
            return Object.fromEntries(entries);
        }
        return node;
    };
    const principalOrCondition = (statement) => {
        const result = { ...statement };
        for (const field of ['Principal', 'NotPrincipal']) {
            const principal = statement[field];
            if (principal && typeof principal === 'object' && !Array.isArray(principal)) {
                result[field] = Object.fromEntries(Object.entries(principal).map(([type, value]) => [type, sortList(value)]));
            }
        }
        const condition = statement.Condition;
        if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
            result.Condition = Object.fromEntries(Object.entries(condition).map(([operator, keys]) => [
                operator,
                keys && typeof keys === 'object' && !Array.isArray(keys)
                    ? Object.fromEntries(Object.entries(keys).map(([name, value]) => [name, sortList(value)]))
                    : keys,
            ]));
        }
        return result;
    };
    const statements = (document.Statement === undefined ? [] : [document.Statement].flat());
    const canonicalStatements = statements
        .map((statement) => JSON.stringify(normalise(principalOrCondition(statement))))
        .sort();
    return JSON.stringify({ Version: document.Version ?? null, Statement: canonicalStatements });
}
function sameDocument(a, b) {
    if (!a || !b)
        return a === b;
    return canonical(a) === canonical(b);
}


/***/ })

};
