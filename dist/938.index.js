export const id = 938;
export const ids = [938];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ errorName),
/* harmony export */   nv: () => (/* binding */ makeClients),
/* harmony export */   q$: () => (/* binding */ anonymousSts),
/* harmony export */   w7: () => (/* binding */ isAccessDenied)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_eks__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4524);
/* harmony import */ var _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6764);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1695);
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3609);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9809);





/** Attempts for throttling, which a busy account answers in bursts, and for any other retry. */
const THROTTLING_ATTEMPTS = 12;
const OTHER_ATTEMPTS = 8;
/**
 * The SDK's standard strategy decides what is retryable (throttling, 5xx, dropped connections and
 * time-outs; never access errors). We choose the backoff (full jitter) and give throttling more
 * attempts: a matrix of many spoke jobs in one account is throttled, not broken.
 */
class ActionRetryStrategy extends _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.ConfiguredRetryStrategy {
    constructor(base) {
        super(THROTTLING_ATTEMPTS, (attempt) => Math.floor(Math.random() * Math.min(20_000, base * 2 ** attempt)));
    }
    async refreshRetryTokenForRetry(token, errorInfo) {
        if (errorInfo.errorType !== 'THROTTLING' && token.getRetryCount() + 1 >= OTHER_ATTEMPTS) {
            throw new Error('No retry token available');
        }
        return super.refreshRetryTokenForRetry(token, errorInfo);
    }
}
/** Settings every client shares: the retry policy and a per-call timeout for hanging endpoints. */
function shared(region) {
    const timeout = Number(process.env.OCM_EKS_JOIN_CALL_TIMEOUT_MS) || 30_000;
    return {
        region,
        retryStrategy: new ActionRetryStrategy((0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retryBaseDelayMs */ .Jn)()),
        requestHandler: {
            requestTimeout: timeout,
            connectionTimeout: 10_000,
            throwOnRequestTimeout: true,
        },
    };
}
function makeClients(credentials, region) {
    return {
        // IAM is global; its endpoint lives in us-east-1 for the aws partition.
        iam: new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_2__/* .IAMClient */ .h8v({ ...shared('us-east-1'), credentials }),
        eks: new _aws_sdk_client_eks__WEBPACK_IMPORTED_MODULE_3__/* .EKSClient */ .JQJ({ ...shared(region), credentials }),
        sts: new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_4__/* .STSClient */ .iM({ ...shared(region), credentials }),
        region,
    };
}
/** An STS client without credentials, for AssumeRoleWithWebIdentity (which is unsigned). */
function anonymousSts(region) {
    return new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_4__/* .STSClient */ .iM({
        ...shared(region),
        credentials: { accessKeyId: '', secretAccessKey: '' },
        signer: { sign: async (request) => request },
    });
}
/** The error name the SDK gives a service error (`NoSuchEntity`, `AccessDenied`, ...). */
function errorName(error) {
    return error?.name;
}
function isAccessDenied(error) {
    const name = errorName(error) ?? '';
    return /AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name);
}


/***/ }),

/***/ 6963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ openSession)
/* harmony export */ });
/* unused harmony export tokenClaims */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1695);
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(828);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(201);





/**
 * Opens the AWS session a mode works in: web identity from GitHub's OIDC token (or a token
 * file) when a role is given, otherwise the SDK's default credential chain.
 */
async function openSession(access, roleToAssume = access.roleToAssume, input = 'role-to-assume') {
    if (access.webIdentityTokenFile && !roleToAssume) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Input 'web-identity-token-file' needs 'role-to-assume': the token is exchanged for that role's credentials.`, { input: 'web-identity-token-file' });
    }
    if (roleToAssume)
        return assumeWithWebIdentity(access, roleToAssume, input);
    return defaultChain(access.region);
}
async function assumeWithWebIdentity(access, roleArn, input) {
    const token = await webIdentityToken(access);
    _core_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq(token);
    const sts = (0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .anonymousSts */ .q$)(access.region);
    let response;
    try {
        response = await sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_4__/* .AssumeRoleWithWebIdentityCommand */ .WH({
            RoleArn: roleArn,
            RoleSessionName: access.roleSessionName,
            WebIdentityToken: token,
            DurationSeconds: access.roleDurationSeconds,
        }));
    }
    catch (error) {
        throw webIdentityError(error, roleArn, token, access.audience, input);
    }
    finally {
        sts.destroy();
    }
    const issued = response.Credentials;
    if (!issued?.AccessKeyId || !issued.SecretAccessKey || !issued.SessionToken) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`AssumeRoleWithWebIdentity for '${roleArn}' returned no credentials.`, {
            call: 'sts:AssumeRoleWithWebIdentity',
        });
    }
    _core_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq(issued.SecretAccessKey);
    _core_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq(issued.SessionToken);
    const credentials = {
        accessKeyId: issued.AccessKeyId,
        secretAccessKey: issued.SecretAccessKey,
        sessionToken: issued.SessionToken,
        expiration: issued.Expiration,
    };
    // The assumed-role ARN carries the account, which saves a GetCallerIdentity call.
    const callerArn = response.AssumedRoleUser?.Arn ?? roleArn;
    const account = /^arn:aws:sts::(\d{12}):/.exec(callerArn)?.[1] ?? roleArn.split(':')[4];
    _core_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Assumed ${roleArn} with web identity as ${callerArn}`);
    return { ...(0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .makeClients */ .nv)(credentials, access.region), credentials, account, callerArn };
}
async function webIdentityToken(access) {
    if (access.webIdentityTokenFile) {
        try {
            return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(access.webIdentityTokenFile, 'utf8')).trim();
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Could not read 'web-identity-token-file' ${access.webIdentityTokenFile}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}.`, { input: 'web-identity-token-file', cause: error });
        }
    }
    if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ("GitHub did not offer an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set): give the job 'permissions: id-token: write', or set 'web-identity-token-file'.", { input: 'role-to-assume' });
    }
    try {
        return await _core_js__WEBPACK_IMPORTED_MODULE_1__/* .getIDToken */ .V9(access.audience);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Could not get a GitHub OIDC token for audience '${access.audience}': ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}. Check the job's 'permissions: id-token: write'.`, { input: 'audience', cause: error });
    }
}
/** The claims of a JWT that explain a trust-policy mismatch: never the token itself. */
function tokenClaims(token) {
    try {
        const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
        const aud = Array.isArray(payload.aud) ? payload.aud.join(',') : payload.aud;
        return { sub: typeof payload.sub === 'string' ? payload.sub : undefined, aud };
    }
    catch {
        return {};
    }
}
function webIdentityError(error, roleArn, token, audience, input) {
    const name = (0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error) ?? 'Error';
    const claims = tokenClaims(token);
    const who = `sub "${claims.sub ?? 'unknown'}", aud "${claims.aud ?? audience}"`;
    if (/AccessDenied|InvalidIdentityToken|IDPRejectedClaim/.test(name)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`AssumeRoleWithWebIdentity for '${roleArn}' (input '${input}') was denied (${name}): check that the role's trust policy trusts token.actions.githubusercontent.com for this token's ${who}.`, { input, call: 'sts:AssumeRoleWithWebIdentity', cause: error });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`sts:AssumeRoleWithWebIdentity for '${roleArn}' failed (${name}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error).replaceAll(token, '***')}.`, { input, call: 'sts:AssumeRoleWithWebIdentity', cause: error });
}
async function defaultChain(region) {
    const { defaultProvider } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 5861, 19));
    let credentials;
    try {
        credentials = await defaultProvider()();
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`No AWS credentials found: set 'role-to-assume' (with 'permissions: id-token: write'), or configure credentials in an earlier step.`, { input: 'role-to-assume', cause: error });
    }
    if (credentials.secretAccessKey)
        _core_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq(credentials.secretAccessKey);
    if (credentials.sessionToken)
        _core_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq(credentials.sessionToken);
    const clients = (0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .makeClients */ .nv)(credentials, region);
    let identity;
    try {
        identity = await clients.sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_4__/* .GetCallerIdentityCommand */ .zI({}));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`sts:GetCallerIdentity failed with the ambient AWS credentials (${(0,_clients_js__WEBPACK_IMPORTED_MODULE_3__/* .errorName */ .Is)(error)}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(error)}.`, { call: 'sts:GetCallerIdentity', cause: error });
    }
    _core_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Using ambient AWS credentials of ${identity.Arn}`);
    return {
        ...clients,
        credentials,
        account: identity.Account ?? '',
        callerArn: identity.Arn ?? '',
    };
}


/***/ }),

/***/ 4192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K$: () => (/* binding */ describeCluster),
/* harmony export */   rs: () => (/* binding */ issuerFromId),
/* harmony export */   yI: () => (/* binding */ requireOidcProvider)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_eks__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4524);
/* harmony import */ var _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6764);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8499);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(201);





/** Reads what the action needs of an EKS cluster; a missing cluster names the inputs to check. */
async function describeCluster(eks, name, input) {
    let cluster;
    try {
        cluster = (await eks.send(new _aws_sdk_client_eks__WEBPACK_IMPORTED_MODULE_3__/* .DescribeClusterCommand */ .hV5({ name }))).cluster;
    }
    catch (error) {
        if ((0,_clients_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error) === 'ResourceNotFoundException') {
            const region = await eks.config.region();
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`EKS cluster '${name}' was not found in region ${region} of this account (eks:DescribeCluster): check '${input}' and 'aws-region'.`, { input, call: 'eks:DescribeCluster', cause: error });
        }
        const hint = (0,_clients_js__WEBPACK_IMPORTED_MODULE_2__/* .isAccessDenied */ .w7)(error)
            ? ` The role needs eks:DescribeCluster on cluster ${name}.`
            : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`eks:DescribeCluster for '${name}' failed (${(0,_clients_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error) ?? 'Error'}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}.${hint}`, { call: 'eks:DescribeCluster', cause: error });
    }
    if (!cluster?.arn || !cluster.endpoint || !cluster.certificateAuthority?.data) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`EKS cluster '${name}' is not ready (status ${cluster?.status ?? 'unknown'}): it has no endpoint or CA yet.`, { call: 'eks:DescribeCluster' });
    }
    return {
        arn: cluster.arn,
        name,
        endpoint: cluster.endpoint,
        caData: cluster.certificateAuthority.data,
        issuer: cluster.identity?.oidc?.issuer,
        authenticationMode: cluster.accessConfig?.authenticationMode,
    };
}
/** The issuer URL of a cluster whose OIDC provider ID the user gave. */
function issuerFromId(region, id) {
    return `https://oidc.eks.${region}.amazonaws.com/id/${id}`;
}
/**
 * Fails with the exact fix when the account has no IAM OIDC provider for the cluster's issuer:
 * without it no service account of that cluster can assume the role we are about to write.
 */
async function requireOidcProvider(iam, account, issuer, cluster, region) {
    const arn = (0,_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .oidcProviderArn */ .iw)(account, issuer);
    try {
        await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_4__/* .GetOpenIDConnectProviderCommand */ .cCT({ OpenIDConnectProviderArn: arn }));
        return arn;
    }
    catch (error) {
        if ((0,_clients_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error) === 'NoSuchEntityException' || (0,_clients_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error) === 'NoSuchEntity') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Account ${account} has no IAM OIDC provider for cluster '${cluster}' (${issuer}). Create it with 'eksctl utils associate-iam-oidc-provider --cluster ${cluster} --region ${region} --approve', or in the IAM console add an OpenID Connect provider with URL ${issuer} and audience sts.amazonaws.com.`, { call: 'iam:GetOpenIDConnectProvider', cause: error });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`iam:GetOpenIDConnectProvider for ${arn} failed (${(0,_clients_js__WEBPACK_IMPORTED_MODULE_2__/* .errorName */ .Is)(error) ?? 'Error'}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}.`, { call: 'iam:GetOpenIDConnectProvider', cause: error });
    }
}


/***/ }),

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

/***/ 4365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ dryRunResult)
/* harmony export */ });
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(828);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8855);


/**
 * What every dry run reports: the plan in the log and the summary, `drift` when the plan is
 * not empty, and nothing changed. A drifting run fails only later, in main, with fail-on-drift.
 */
function dryRunResult(options) {
    const { rows } = options;
    (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .logTable */ .Jn)(`${options.heading}:`, rows);
    if (rows.length === 0)
        _core_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(options.inSync);
    return {
        outputs: options.outputs,
        changed: false,
        drift: rows.length > 0,
        report: {
            title: `ocm-eks-join: ${options.mode} (dry run)`,
            facts: options.facts,
            tableTitle: rows.length > 0 ? options.heading : undefined,
            rows,
            emptyText: options.inSync,
            next: options.next,
        },
    };
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


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   Jn: () => (/* binding */ retryBaseDelayMs),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   l: () => (/* binding */ isTransientNetworkError)
/* harmony export */ });
/**
 * The base delay. OCM_EKS_JOIN_RETRY_BASE_MS lets the test suite and the local simulation run
 * retries without sleeping; the action itself never sets it.
 */
function retryBaseDelayMs() {
    const fromEnv = Number(process.env.OCM_EKS_JOIN_RETRY_BASE_MS);
    return Number.isFinite(fromEnv) && fromEnv >= 0 && process.env.OCM_EKS_JOIN_RETRY_BASE_MS
        ? fromEnv
        : 200;
}
async function withRetry(operation, options) {
    const attempts = options.attempts ?? 6;
    const base = options.baseDelayMs ?? retryBaseDelayMs();
    const cap = options.maxDelayMs ?? 20_000;
    for (let attempt = 1;; attempt++) {
        try {
            return await operation();
        }
        catch (error) {
            if (attempt >= attempts || !options.retryable(error))
                throw error;
            const delayMs = Math.floor(Math.random() * Math.min(cap, base * 2 ** attempt));
            options.onRetry?.(error, attempt, delayMs);
            if (delayMs > 0)
                await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
    }
}
/** HTTP statuses that mean "try again later" for any of the APIs the action calls. */
function isTransientStatus(status) {
    return status === 429 || (status !== undefined && status >= 500 && status <= 599);
}
/** Socket-level failures that a retry can cure. */
function isTransientNetworkError(error) {
    const code = error?.code;
    return (code === 'ECONNRESET' ||
        code === 'ECONNREFUSED' ||
        code === 'EPIPE' ||
        code === 'ETIMEDOUT' ||
        code === 'ESOCKETTIMEDOUT' ||
        code === 'EAI_AGAIN');
}


/***/ })

};
