export const id = 425;
export const ids = [425];
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

/***/ 9148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ readBootstrapToken)
/* harmony export */ });
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9079);

/**
 * Reads a bootstrap token from the hub with `clusteradm get token -o json`. The token is masked
 * before clusteradm's output is shown, and again here should the output have been unparsable.
 */
async function readBootstrapToken(options) {
    const got = await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runClusteradm */ .qg)({
        binary: options.binary,
        args: ['get', 'token', '-o', 'json'],
        kubeconfig: options.access.kubeconfig,
        env: options.access.env,
        timeoutSeconds: options.timeoutSeconds,
        title: options.title,
        discoverSecrets: (stdout) => {
            try {
                return [(0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .parseGetToken */ .Ve)(stdout).token];
            }
            catch {
                return [];
            }
        },
    });
    return (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .parseGetToken */ .Ve)(got.stdout);
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

/***/ 2759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ assertNotExpired),
/* harmony export */   f: () => (/* binding */ tokenExpiry)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Below this much life left, clusteradm join would likely fail half-way with Unauthorized. */
const MINIMUM_LIFE_MS = 60_000;
/**
 * The expiry (`exp`) of a bootstrap token, read from its JWT payload without verifying the
 * signature: the hub verifies it; the action only wants to fail early with a useful message.
 * Undefined when the token is not a JWT or carries no expiry.
 */
function tokenExpiry(token) {
    const parts = token.trim().split('.');
    if (parts.length !== 3 || !parts[1])
        return undefined;
    try {
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return typeof payload.exp === 'number' && Number.isFinite(payload.exp)
            ? new Date(payload.exp * 1000)
            : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Fails when the token has expired or has less than a minute left, naming the input it came from
 * and the two ways to a fresh one. A token without a readable expiry is let through: the hub
 * decides then.
 */
function assertNotExpired(token, now = new Date(), input = 'hub-token') {
    const expiry = tokenExpiry(token);
    if (!expiry || expiry.getTime() - now.getTime() >= MINIMUM_LIFE_MS)
        return;
    const when = expiry.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const state = expiry.getTime() <= now.getTime() ? `expired at ${when}` : `expires at ${when}`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The bootstrap token in '${input}' ${state} (bootstrap tokens last one hour); re-run the ` +
        "hub-init job for a fresh one, or set 'hub-role-to-assume' so that spoke-join mints its own.", { input });
}


/***/ }),

/***/ 9432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ openToken),
/* harmony export */   f: () => (/* binding */ sealToken)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/**
 * Sealing carries the bootstrap token from hub-init to the spoke jobs through a job output, which
 * GitHub would drop if it held the masked token itself. The format is versioned so that a later
 * change of cipher or KDF can still recognise, and refuse clearly, values of this one.
 */
const PREFIX = 'ocm-seal-v1.';
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** scrypt cost: 32 MiB and a few tens of milliseconds, which makes guessing passphrases dear. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const INPUT = 'hub-token-sealed';
function deriveKey(passphrase, salt) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.scryptSync)(passphrase, salt, KEY_BYTES, SCRYPT);
}
/** The API server URL as associated data; a trailing slash is not a different hub. */
function associatedData(hubApiserver) {
    return Buffer.from(hubApiserver.trim().replace(/\/+$/, ''), 'utf8');
}
/**
 * Seals `token` with AES-256-GCM under a key derived from `passphrase` (scrypt, random salt) and
 * binds it to `hubApiserver`, so it opens only with the same passphrase for the same hub.
 * Returns `ocm-seal-v1.` + base64url(salt | nonce | ciphertext | tag).
 */
function sealToken(token, passphrase, hubApiserver) {
    const salt = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(SALT_BYTES);
    const nonce = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(NONCE_BYTES);
    const cipher = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createCipheriv)('aes-256-gcm', deriveKey(passphrase, salt), nonce, {
        authTagLength: TAG_BYTES,
    });
    cipher.setAAD(associatedData(hubApiserver));
    const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([salt, nonce, ciphertext, cipher.getAuthTag()]);
    return PREFIX + sealed.toString('base64url');
}
/**
 * Opens a value made by sealToken. Fails with an error naming `hub-token-sealed` when the value
 * is not one, is damaged, or does not open with this passphrase for this hub.
 */
function openToken(sealed, passphrase, hubApiserver) {
    const value = sealed.trim();
    if (!value.startsWith(PREFIX)) {
        const version = /^ocm-seal-(v\d+)\./.exec(value)?.[1];
        if (version) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .inputError */ .Xu)(INPUT, `was sealed in format ${version}, which this version of the action cannot open`, 'a value sealed by hub-init running the same major version of this action (v1 format)');
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .inputError */ .Xu)(INPUT, `does not start with '${PREFIX}'`, "the 'hub-token-sealed' output of the hub-init job, copied unchanged");
    }
    // Base64url decoding in Node skips invalid characters and ignores spare bits; re-encoding and
    // comparing makes every altered character count as damage rather than pass unnoticed.
    const body = value.slice(PREFIX.length);
    const bytes = Buffer.from(body, 'base64url');
    const canonical = bytes.toString('base64url') === body;
    if (!canonical || bytes.length <= SALT_BYTES + NONCE_BYTES + TAG_BYTES) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .inputError */ .Xu)(INPUT, 'is malformed (not base64url, or truncated)', "the 'hub-token-sealed' output of the hub-init job, copied unchanged");
    }
    const salt = bytes.subarray(0, SALT_BYTES);
    const nonce = bytes.subarray(SALT_BYTES, SALT_BYTES + NONCE_BYTES);
    const ciphertext = bytes.subarray(SALT_BYTES + NONCE_BYTES, bytes.length - TAG_BYTES);
    const tag = bytes.subarray(bytes.length - TAG_BYTES);
    try {
        const decipher = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createDecipheriv)('aes-256-gcm', deriveKey(passphrase, salt), nonce, {
            authTagLength: TAG_BYTES,
        });
        decipher.setAAD(associatedData(hubApiserver));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    }
    catch (error) {
        // GCM reports only that authentication failed; it cannot tell which of the three it was.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Input '${INPUT}' could not be opened: the passphrase is wrong, the value was altered, or ` +
            "it was sealed for another hub-apiserver; check that 'token-passphrase' and " +
            "'hub-apiserver' are the ones hub-init used.", { input: INPUT, cause: error });
    }
}


/***/ })

};
