export const id = 316;
export const ids = [316];
export const modules = {

/***/ 2356:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
__webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = __webpack_unused_export__ = exports.Kd = __webpack_unused_export__ = __webpack_unused_export__ = void 0;
var protocols_1 = __webpack_require__(3422);
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.Field; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.Fields; } });
Object.defineProperty(exports, "Kd", ({ enumerable: true, get: function () { return protocols_1.HttpRequest; } }));
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.HttpResponse; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.isValidHostname; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.getHttpHandlerExtensionConfiguration; } });
__webpack_unused_export__ = ({ enumerable: true, get: function () { return protocols_1.resolveHttpHandlerRuntimeConfig; } });


/***/ }),

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

/***/ 9079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ve: () => (/* binding */ parseGetToken),
/* harmony export */   n0: () => (/* binding */ parseInitOutput),
/* harmony export */   qg: () => (/* binding */ runClusteradm)
/* harmony export */ });
/* unused harmony exports ClusteradmError, parseVersion */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(828);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);




/** A clusteradm run that did not exit 0; the message holds its own error lines, redacted. */
class ClusteradmError extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ {
    /** Exit code, or null when the process was killed by a signal or never started. */
    exitCode;
    /** Redacted output, for callers that react to a specific failure. */
    stdout;
    stderr;
    constructor(message, details, cause) {
        super(message, { call: details.call, cause });
        this.name = 'ClusteradmError';
        this.exitCode = details.exitCode;
        this.stdout = details.stdout ?? '';
        this.stderr = details.stderr ?? '';
    }
}
/**
 * Runs clusteradm against the cluster of `kubeconfig`, shows its output in a log group once it
 * exits, and throws a ClusteradmError naming the command's own error lines when it fails.
 */
async function runClusteradm(options) {
    const call = `clusteradm ${subcommandOf(options.args)}`.trimEnd();
    const secrets = [...(options.secrets ?? [])];
    const commandLine = formatCommandLine(options.binary, options.args, secrets);
    _core_js__WEBPACK_IMPORTED_MODULE_2__/* .debug */ .Yz(`Running ${commandLine} with KUBECONFIG=${options.kubeconfig}`);
    const outcome = await spawnCaptured(options);
    // Masking must precede the first printed line, or the runner would show the token once.
    for (const secret of options.discoverSecrets?.(outcome.stdout) ?? []) {
        if (secret && !secrets.includes(secret)) {
            _core_js__WEBPACK_IMPORTED_MODULE_2__/* .setSecret */ .Pq(secret);
            secrets.push(secret);
        }
    }
    _core_js__WEBPACK_IMPORTED_MODULE_2__/* .startGroup */ .Oh(options.title);
    try {
        _core_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`[command]${formatCommandLine(options.binary, options.args, secrets)}`);
        const shown = redact(outcome.combined, secrets).replace(/\n$/, '');
        // clusteradm's text is shown, never obeyed: a line starting with '::' stays plain text.
        const guard = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
        if (shown)
            _core_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`::stop-commands::${guard}\n${shown}\n::${guard}::`);
    }
    finally {
        _core_js__WEBPACK_IMPORTED_MODULE_2__/* .endGroup */ .N4();
    }
    const stdout = redact(outcome.stdout, secrets);
    const stderr = redact(outcome.stderr, secrets);
    if (outcome.startError) {
        const { code, message } = outcome.startError;
        const problem = code === 'ENOENT' ? `${options.binary} was not found` : message;
        // spawn's own error lists every argument, the token included, so only its code is kept.
        const cause = Object.assign(new Error(redact(message, secrets)), { code });
        throw new ClusteradmError(`${call} could not be started (${redact(problem, secrets)}); check that clusteradm is ` +
            `installed and executable on this runner.`, { call, exitCode: null }, cause);
    }
    if (outcome.timedOut) {
        throw new ClusteradmError(`${call} did not finish within ${options.timeoutSeconds} s and was stopped: ${errorLines(stderr, stdout)}; raise 'wait-timeout-seconds' or check the cluster.`, { call, exitCode: null, stdout, stderr });
    }
    if (outcome.signal) {
        throw new ClusteradmError(`${call} was terminated by ${outcome.signal}: ${errorLines(stderr, stdout)}`, { call, exitCode: null, stdout, stderr });
    }
    if (outcome.code !== 0) {
        throw new ClusteradmError(`${call} failed (exit ${outcome.code}): ${errorLines(stderr, stdout)}`, { call, exitCode: outcome.code, stdout, stderr });
    }
    return { stdout: outcome.stdout, stderr: outcome.stderr };
}
function spawnCaptured(options) {
    return new Promise((resolve) => {
        const stdout = [];
        const stderr = [];
        const combined = [];
        let settled = false;
        let timedOut = false;
        let timer;
        const finish = (rest) => {
            if (settled)
                return;
            settled = true;
            if (timer)
                clearTimeout(timer);
            resolve({
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8'),
                combined: Buffer.concat(combined).toString('utf8'),
                ...rest,
                timedOut,
            });
        };
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(options.binary, options.args, {
            env: { ...process.env, KUBECONFIG: options.kubeconfig, ...options.env },
            stdio: ['ignore', 'pipe', 'pipe'],
            shell: false,
            windowsHide: true,
        });
        child.stdout.on('data', (chunk) => {
            stdout.push(chunk);
            combined.push(chunk);
        });
        child.stderr.on('data', (chunk) => {
            stderr.push(chunk);
            combined.push(chunk);
        });
        if (options.timeoutSeconds) {
            timer = setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
            }, options.timeoutSeconds * 1000);
        }
        child.on('error', (error) => finish({ code: null, signal: null, startError: error }));
        child.on('close', (code, signal) => finish({ code, signal }));
    });
}
/** `init`, `get token`, `accept`: the words before the first flag. */
function subcommandOf(args) {
    const words = [];
    for (const arg of args) {
        if (arg.startsWith('-') || words.length === 2)
            break;
        words.push(arg);
    }
    return words.join(' ');
}
/** The command line for the log, with the value of --hub-token and every secret as `***`. */
function formatCommandLine(binary, args, secrets) {
    const shown = args.map((arg, index) => {
        if (args[index - 1] === '--hub-token')
            return '***';
        if (arg.startsWith('--hub-token='))
            return '--hub-token=***';
        return /^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg);
    });
    return redact([binary, ...shown].join(' '), secrets);
}
/** Replaces every secret, longest first, and any token that follows --hub-token. */
function redact(text, secrets) {
    let result = text;
    for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length)) {
        result = result.split(secret).join('***');
    }
    return result.replace(/(--hub-token[ =]+)(?!\*\*\*)\S+/g, '$1***');
}
/** The command's own error lines: cobra's `Error:` lines or klog's E-lines, else the tail. */
function errorLines(stderr, stdout) {
    // clusteradm colours some messages; escape sequences would end up in the annotation.
    const lines = (text) => text
        .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    const errLines = lines(stderr);
    // A Go panic ends with its stack; the panic line itself says what went wrong.
    const flagged = errLines.filter((line) => /^(error\b|panic:|E\d{4} )/i.test(line));
    const chosen = flagged.length > 0 ? flagged : errLines.length > 0 ? errLines : lines(stdout);
    const text = chosen.slice(-3).join(' ');
    if (!text)
        return 'no output';
    return text.length > 1000 ? `${text.slice(0, 1000)}...` : text;
}
/**
 * Reads the token and API server from the indented `<argv0> join --hub-token <T>
 * --hub-apiserver <URL> ...` line that `clusteradm init` prints last.
 */
function parseInitOutput(stdout) {
    const joinLine = stdout
        .split(/\r?\n/)
        .reverse()
        .find((line) => /^\s+\S+\s+join\s/.test(line) && line.includes('--hub-token'));
    if (!joinLine)
        return {};
    const token = flagValue(joinLine, '--hub-token');
    return { token, apiserver: flagValue(joinLine, '--hub-apiserver') };
}
/** Reads `clusteradm get token -o json`; its error never quotes stdout, which holds the token. */
function parseGetToken(stdout) {
    let parsed;
    try {
        parsed = JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1));
    }
    catch {
        // The parser's own message quotes the input, so it is not kept as the cause.
    }
    const record = (parsed ?? {});
    const token = record['hub-token'];
    const apiserver = record['hub-apiserver'];
    if (typeof token !== 'string' || !token || typeof apiserver !== 'string' || !apiserver) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ('clusteradm get token -o json printed no JSON object with hub-token and hub-apiserver; ' +
            'check that the hub is initialized (mode hub-init) and clusteradm is 1.0.0 or later.', { call: 'clusteradm get token' });
    }
    return { token, apiserver };
}
/** The version from `clusteradm version` (`clusteradm\tversion\t:v1.3.1`), without the `v`. */
function parseVersion(stdout) {
    return /^clusteradm\s+version\s*:\s*v?(\S+)/m.exec(stdout)?.[1];
}
function flagValue(line, flag) {
    const words = line.trim().split(/\s+/);
    const index = words.indexOf(flag);
    if (index >= 0)
        return words[index + 1] || undefined;
    const inline = words.find((word) => word.startsWith(`${flag}=`));
    return inline ? inline.slice(flag.length + 1) || undefined : undefined;
}


/***/ }),

/***/ 932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bp: () => (/* binding */ managedClusterPath),
/* harmony export */   HF: () => (/* binding */ klusterletPath),
/* harmony export */   i5: () => (/* binding */ manifestWorkPath),
/* harmony export */   p$: () => (/* binding */ clusterManagerPath),
/* harmony export */   uH: () => (/* binding */ condition),
/* harmony export */   y: () => (/* binding */ appliedManifestWorksPath)
/* harmony export */ });
/* unused harmony exports KLUSTERLET_NAME, CLUSTER_MANAGER_NAME, isConditionTrue */
/**
 * The slice of the Open Cluster Management API the action reads and writes: resource types with
 * only the fields it uses, and the REST paths of each resource.
 */
/** The name clusteradm gives the single Klusterlet on a spoke. */
const KLUSTERLET_NAME = 'klusterlet';
/** The name clusteradm gives the single ClusterManager on a hub. */
const CLUSTER_MANAGER_NAME = 'cluster-manager';
const segment = (name) => encodeURIComponent(name);
/** ManagedClusters, or one of them when `name` is given. */
function managedClusterPath(name) {
    const base = '/apis/cluster.open-cluster-management.io/v1/managedclusters';
    return name === undefined ? base : `${base}/${segment(name)}`;
}
/** The ManifestWorks of a cluster namespace, or one of them when `name` is given. */
function manifestWorkPath(namespace, name) {
    const base = `/apis/work.open-cluster-management.io/v1/namespaces/${segment(namespace)}/manifestworks`;
    return name === undefined ? base : `${base}/${segment(name)}`;
}
/** The spoke's Klusterlet. */
function klusterletPath(name = KLUSTERLET_NAME) {
    return `/apis/operator.open-cluster-management.io/v1/klusterlets/${segment(name)}`;
}
/** The hub's ClusterManager. */
function clusterManagerPath(name = CLUSTER_MANAGER_NAME) {
    return `/apis/operator.open-cluster-management.io/v1/clustermanagers/${segment(name)}`;
}
/** The spoke's AppliedManifestWorks, whose presence keeps `clusteradm unjoin` from acting. */
function appliedManifestWorksPath() {
    return '/apis/work.open-cluster-management.io/v1/appliedmanifestworks';
}
/** The condition of `type` in an object's status, if the object reports it. */
function condition(obj, type) {
    return obj?.status?.conditions?.find((c) => c.type === type);
}
/** Whether the object reports condition `type` with status True. */
function isConditionTrue(obj, type) {
    return condition(obj, type)?.status === 'True';
}


/***/ }),

/***/ 7766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ accessEksCluster)
});

// UNUSED EXPORTS: execPluginPath

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core.ts
var core = __webpack_require__(828);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
;// CONCATENATED MODULE: ./src/kube/request.ts

/** The abandoned request of a hung connection; its code lets the retry policy try again. */
class RequestTimeoutError extends Error {
    code = 'ETIMEDOUT';
}
/**
 * One HTTPS request with a deadline for the whole exchange: a socket idle timeout alone would not
 * end a reply that trickles in. Rejects with the socket's error, or RequestTimeoutError.
 */
function sendRequest(options) {
    const { url, timeoutMs } = options;
    return new Promise((resolve, reject) => {
        const req = (0,external_node_https_.request)({
            // URL keeps the brackets of an IPv6 literal, which the socket layer does not want.
            hostname: url.hostname.replace(/^\[|\]$/g, ''),
            port: url.port || 443,
            method: options.method,
            path: options.path,
            headers: options.headers,
            agent: options.agent,
        }, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => {
                clearTimeout(timer);
                resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
            });
            res.on('error', (error) => {
                clearTimeout(timer);
                reject(error);
            });
        });
        const timer = setTimeout(() => {
            const error = new RequestTimeoutError(`no answer within ${timeoutMs} ms`);
            reject(error);
            req.destroy(error);
        }, timeoutMs);
        req.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        req.end(options.payload);
    });
}

;// CONCATENATED MODULE: ./src/kube/client.ts





/** A failed Kubernetes API call: `status` lets callers act on 404 or 409. */
class KubeApiError extends errors/* ActionError */.lZ {
    status;
    constructor(message, status, call) {
        super(message, { call });
        this.name = 'KubeApiError';
        this.status = status;
    }
}
const HINTS = {
    400: 'the API server rejected the request body; check the object being written',
    401: 'the API server rejected the credentials; check the kubeconfig user (for EKS: an access ' +
        "entry for the caller's IAM principal)",
    403: "the caller lacks RBAC permission for this request; grant it to the caller's identity",
    404: 'the resource or its API is missing; check that OCM is installed on this cluster',
    409: 'the resource already exists or changed meanwhile; run the step again',
    422: 'the API server found the object invalid; check the object being written',
};
function pemOf(caData) {
    return caData.includes('-----BEGIN') ? caData : Buffer.from(caData, 'base64').toString('utf8');
}
/** The API's own explanation: a Status message, else the start of whatever the body held. */
function statusMessage(text) {
    try {
        const status = JSON.parse(text);
        if (typeof status.message === 'string' && status.message !== '')
            return status.message;
    }
    catch {
        // Not JSON (a proxy's error page, say): fall through to the raw text.
    }
    const line = text.trim().split('\n')[0] ?? '';
    return line === '' ? 'no message' : line.slice(0, 200);
}
/**
 * A small Kubernetes REST client over node:https for the few calls the action makes. Transient
 * failures (429, 5xx, dropped connections, timeouts) are retried; any other failure becomes a
 * KubeApiError that names the call and carries the API server's message.
 */
class KubeClient {
    url;
    basePath;
    agent;
    token;
    timeoutMs;
    attempts;
    constructor(options) {
        this.url = new URL(options.server);
        this.basePath = this.url.pathname.replace(/\/+$/, '');
        this.token = options.token;
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.attempts = options.attempts;
        this.agent = new external_node_https_.Agent({
            keepAlive: true,
            ca: options.caData ? pemOf(options.caData) : undefined,
            rejectUnauthorized: options.insecure !== true,
            cert: options.clientCert,
            key: options.clientKey,
        });
    }
    /** The object at `path`, or undefined when it does not exist. */
    async get(path) {
        const response = await this.call('GET', path, undefined, [404]);
        return response.status === 404 ? undefined : this.parse('GET', path, response);
    }
    /** Every item of the collection at `path`, following `continue` tokens. */
    async list(path) {
        const items = [];
        let next;
        do {
            const separator = path.includes('?') ? '&' : '?';
            const page = next ? `${path}${separator}continue=${encodeURIComponent(next)}` : path;
            const list = this.parse('GET', page, await this.call('GET', page));
            items.push(...(list.items ?? []));
            next = list.metadata?.continue || undefined;
        } while (next);
        return items;
    }
    /** Creates `body` in the collection at `path`; a 409 means it exists already. */
    async create(path, body) {
        return this.parse('POST', path, await this.call('POST', path, body));
    }
    /** Applies a JSON merge patch (RFC 7386) to the object at `path`. */
    async mergePatch(path, patch) {
        return this.parse('PATCH', path, await this.call('PATCH', path, patch));
    }
    /** Deletes the object at `path`: true when a deletion was requested, false when it was gone. */
    async delete(path) {
        const response = await this.call('DELETE', path, undefined, [404]);
        return response.status !== 404;
    }
    /** Releases kept-alive connections. */
    close() {
        this.agent.destroy();
    }
    parse(method, path, response) {
        try {
            return JSON.parse(response.text);
        }
        catch (error) {
            throw new errors/* ActionError */.lZ(`${method} ${path} returned a body that is not JSON; check that the kubeconfig's ` +
                'server is a Kubernetes API server.', { call: `${method} ${path}`, cause: error });
        }
    }
    async call(method, path, body, accepted = []) {
        const call = `${method} ${path}`;
        let response;
        try {
            response = await (0,retry/* withRetry */.bD)(async () => {
                const answer = await this.once(method, path, body);
                if ((0,retry/* isTransientStatus */.Dm)(answer.status))
                    throw this.apiError(call, answer);
                return answer;
            }, {
                attempts: this.attempts,
                retryable: (error) => (error instanceof KubeApiError && (0,retry/* isTransientStatus */.Dm)(error.status)) ||
                    (0,retry/* isTransientNetworkError */.l)(error),
                onRetry: (error, attempt, delayMs) => {
                    const reason = error instanceof KubeApiError ? `HTTP ${error.status}` : (0,errors/* messageOf */.bD)(error);
                    core/* debug */.Yz(`${call}: attempt ${attempt} failed (${reason}); retrying in ${delayMs} ms`);
                },
            });
        }
        catch (error) {
            if (error instanceof errors/* ActionError */.lZ)
                throw error;
            const problem = error instanceof RequestTimeoutError
                ? `got no answer within ${this.timeoutMs / 1000} s`
                : `could not reach the API server (${(0,errors/* messageOf */.bD)(error)})`;
            throw new errors/* ActionError */.lZ(`${call} on ${this.url.host} ${problem}; check the cluster endpoint, its CA and the ` +
                "runner's network access to it.", { call, cause: error });
        }
        if ((response.status >= 200 && response.status < 300) || accepted.includes(response.status)) {
            return response;
        }
        throw this.apiError(call, response);
    }
    apiError(call, response) {
        const hint = HINTS[response.status] ?? "check the API server's health and run the step again";
        return new KubeApiError(`${call} failed with HTTP ${response.status}: ${statusMessage(response.text)}; ${hint}.`, response.status, call);
    }
    async bearer(token, call) {
        try {
            return await token();
        }
        catch (error) {
            if (error instanceof errors/* ActionError */.lZ)
                throw error;
            throw new errors/* ActionError */.lZ(`${call} could not get a token for the API server: ${(0,errors/* messageOf */.bD)(error)}; check the ` +
                'credentials this job uses for the cluster.', { call, cause: error });
        }
    }
    async once(method, path, body) {
        const headers = { Accept: 'application/json' };
        if (this.token) {
            headers.Authorization = `Bearer ${await this.bearer(this.token, `${method} ${path}`)}`;
        }
        const payload = body === undefined ? undefined : JSON.stringify(body);
        if (payload !== undefined) {
            headers['Content-Type'] =
                method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
            headers['Content-Length'] = String(Buffer.byteLength(payload));
        }
        return sendRequest({
            agent: this.agent,
            url: this.url,
            method,
            path: this.basePath + path,
            headers,
            payload,
            timeoutMs: this.timeoutMs,
        });
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@smithy/protocol-http/dist-cjs/index.js
var dist_cjs = __webpack_require__(2356);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
;// CONCATENATED MODULE: ./src/kube/eks-token.ts



const TOKEN_PREFIX = 'k8s-aws-v1.';
/** STS keeps accepting the presigned URL for 15 minutes; one minute less leaves room for skew. */
const TOKEN_LIFETIME_MS = 14 * 60 * 1000;
/** The same lifetime the AWS CLI and aws-iam-authenticator put in the URL. */
const PRESIGN_EXPIRES_SECONDS = 60;
/**
 * SHA-256 over node:crypto. The signer only needs this small interface, and the built-in saves
 * the bundle a pure-JavaScript hash.
 */
class NodeSha256 {
    secret;
    hash;
    constructor(secret) {
        this.secret = secret === undefined ? undefined : toBuffer(secret);
        this.hash = this.fresh();
    }
    update(data) {
        this.hash.update(data);
    }
    async digest() {
        return new Uint8Array(this.hash.digest());
    }
    reset() {
        this.hash = this.fresh();
    }
    fresh() {
        return this.secret === undefined ? (0,external_node_crypto_.createHash)('sha256') : (0,external_node_crypto_.createHmac)('sha256', this.secret);
    }
}
function toBuffer(data) {
    if (typeof data === 'string')
        return Buffer.from(data, 'utf8');
    if (ArrayBuffer.isView(data))
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return Buffer.from(data);
}
/** RFC 3986 percent-encoding, the form SigV4 canonicalises query values to. */
function encodeRfc3986(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/**
 * Makes an EKS bearer token: `k8s-aws-v1.` and the unpadded base64url of a presigned STS
 * GetCallerIdentity URL whose signed headers include `x-k8s-aws-id: <clusterName>`, so that EKS
 * can both identify the caller and check that the token was made for this cluster.
 */
async function eksToken(options) {
    const { credentials, region, clusterName } = options;
    // SigV4 dates have whole seconds; dropping the milliseconds keeps the expiry consistent with it.
    const signingDate = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
    const host = `sts.${region}.amazonaws.com`;
    const request = new dist_cjs/* HttpRequest */.Kd({
        protocol: 'https:',
        method: 'GET',
        hostname: host,
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host, 'x-k8s-aws-id': clusterName },
    });
    const signer = new signature_v4_dist_cjs.SignatureV4({
        credentials,
        region,
        service: 'sts',
        sha256: NodeSha256,
        uriEscapePath: true,
    });
    const signed = await signer.presign(request, {
        signingDate,
        expiresIn: PRESIGN_EXPIRES_SECONDS,
    });
    const query = Object.entries(signed.query ?? {})
        .map(([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(String(value))}`)
        .join('&');
    const url = `https://${host}/?${query}`;
    const expiry = new Date(signingDate.getTime() + TOKEN_LIFETIME_MS);
    return {
        token: TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url'),
        expirationTimestamp: expiry.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
}
/**
 * A token function for KubeClient: makes an EKS token on first use and again whenever the cached
 * one has less than a minute left, so that long waits keep a valid token. `credentials` is called
 * for every new token, letting refreshable credentials (assumed roles) renew themselves.
 */
function eksTokenSource(options) {
    let cached;
    return async () => {
        if (cached && cached.expiresAt - Date.now() >= 60_000)
            return cached.token;
        const made = await eksToken({
            credentials: await options.credentials(),
            region: options.region,
            clusterName: options.clusterName,
        });
        cached = { token: made.token, expiresAt: Date.parse(made.expirationTimestamp) };
        return made.token;
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/kube/kubeconfig.ts




const EXEC_API_VERSION = 'client.authentication.k8s.io/v1beta1';
/**
 * Writes a kubeconfig for an EKS cluster under `directory` (RUNNER_TEMP) and returns its path.
 * Cluster, user and context are all named by the cluster ARN. The user runs the bundled exec
 * credential plugin with this very node binary, so tokens renew during long waits and no AWS CLI
 * is needed. The file holds no secret; it is still private (0600) because it names the cluster.
 */
async function writeEksKubeconfig(options) {
    const name = options.clusterArn;
    const config = {
        apiVersion: 'v1',
        kind: 'Config',
        'current-context': name,
        clusters: [
            {
                name,
                cluster: { server: options.endpoint, 'certificate-authority-data': options.caData },
            },
        ],
        contexts: [{ name, context: { cluster: name, user: name } }],
        users: [
            {
                name,
                user: {
                    exec: {
                        apiVersion: EXEC_API_VERSION,
                        command: process.execPath,
                        args: [
                            options.pluginPath,
                            'token',
                            '--cluster-name',
                            options.clusterName,
                            '--region',
                            options.region,
                        ],
                        interactiveMode: 'Never',
                        provideClusterInfo: false,
                    },
                },
            },
        ],
    };
    // A random suffix keeps the kubeconfigs of two clusters (or two steps) in one job apart.
    const safeName = options.clusterName.replace(/[^A-Za-z0-9-]/g, '-');
    const path = (0,external_node_path_.join)(options.directory, `ocm-eks-join-${safeName}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.kubeconfig`);
    try {
        await (0,promises_.writeFile)(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
        // The mode given to writeFile passes through the umask; chmod makes 0600 certain.
        await (0,promises_.chmod)(path, 0o600);
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`Writing the kubeconfig ${path} failed: ${(0,errors/* messageOf */.bD)(error)}; ` +
            'check that RUNNER_TEMP points to a writable directory.', { call: 'write kubeconfig', cause: error });
    }
    return path;
}
/** An error about the `kubeconfig` input that keeps the underlying failure as its cause. */
function kubeconfigError(problem, expected, cause) {
    const { message } = (0,errors/* inputError */.Xu)('kubeconfig', problem, expected);
    return new errors/* ActionError */.lZ(message, { input: 'kubeconfig', cause });
}
function asEntry(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
function stringField(entry, key) {
    const value = entry?.[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** Finds `name` in one of a kubeconfig's named lists (clusters, contexts, users). */
function named(config, list, name, path) {
    const items = Array.isArray(config[list]) ? config[list] : [];
    const found = items.map(asEntry).find((item) => item?.name === name);
    const body = asEntry(found?.[list.slice(0, -1)]);
    if (!body) {
        throw (0,errors/* inputError */.Xu)('kubeconfig', `(${path}) has no ${list.slice(0, -1)} named '${name}'`, `a kubeconfig whose current context refers to entries present in its '${list}' list`);
    }
    return body;
}
/**
 * Reads a user-given kubeconfig and returns what its current context points to. Relative file
 * paths are taken relative to the kubeconfig, as kubectl does; files are read into memory so that
 * the result does not depend on the working directory.
 */
async function readKubeconfig(path) {
    const base = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(path));
    const load = async (file, field) => {
        const full = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.join)(base, file);
        try {
            return await (0,promises_.readFile)(full);
        }
        catch (error) {
            const problem = `(${path}) refers in '${field}' to ${full}, which cannot be read`;
            throw kubeconfigError(problem, 'a path to an existing, readable file', error);
        }
    };
    let config;
    try {
        // The YAML parser is loaded only for a user's kubeconfig; ours are written as JSON.
        const { parse } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
        // Warnings would quote the file on stderr; it may hold a token.
        config = asEntry(parse(await (0,promises_.readFile)(path, 'utf8'), { logLevel: 'error' }));
    }
    catch (error) {
        // The parser's message quotes the lines around the error, so only their position is kept.
        const at = error.linePos?.[0];
        const reason = at ? `a syntax error at line ${at.line}, column ${at.col}` : (0,errors/* messageOf */.bD)(error);
        const problem = `(${path}) cannot be read as YAML: ${reason}`;
        throw kubeconfigError(problem, 'the path of a readable kubeconfig file', at ? undefined : error);
    }
    if (!config) {
        throw (0,errors/* inputError */.Xu)('kubeconfig', `(${path}) is empty or not a mapping`, 'a kubeconfig file');
    }
    const contextName = stringField(config, 'current-context');
    if (!contextName) {
        throw (0,errors/* inputError */.Xu)('kubeconfig', `(${path}) has no current-context`, 'a kubeconfig whose current context is the target cluster (kubectl config use-context)');
    }
    const context = named(config, 'contexts', contextName, path);
    const cluster = named(config, 'clusters', String(context.cluster ?? ''), path);
    const user = named(config, 'users', String(context.user ?? ''), path);
    const server = stringField(cluster, 'server');
    if (!server) {
        throw (0,errors/* inputError */.Xu)('kubeconfig', `(${path}) has a cluster without a server`, 'an https URL');
    }
    const target = { server, auth: await readAuth(user, path, load) };
    const caFile = stringField(cluster, 'certificate-authority');
    const caData = stringField(cluster, 'certificate-authority-data');
    if (caData)
        target.caData = caData;
    else if (caFile)
        target.caData = (await load(caFile, 'certificate-authority')).toString('base64');
    if (cluster['insecure-skip-tls-verify'] === true)
        target.insecure = true;
    return target;
}
async function readAuth(user, path, load) {
    const token = stringField(user, 'token');
    if (token)
        return { token };
    const tokenFile = stringField(user, 'tokenFile');
    if (tokenFile)
        return { token: (await load(tokenFile, 'tokenFile')).toString('utf8').trim() };
    const exec = asEntry(user.exec);
    const command = stringField(exec, 'command');
    if (exec && command) {
        const args = Array.isArray(exec.args) ? exec.args.map(String) : [];
        const env = {};
        for (const item of Array.isArray(exec.env) ? exec.env : []) {
            const pair = asEntry(item);
            if (typeof pair?.name === 'string')
                env[pair.name] = String(pair.value ?? '');
        }
        return { exec: { command, args, env } };
    }
    const pem = async (dataKey, fileKey) => {
        const data = stringField(user, dataKey);
        if (data)
            return Buffer.from(data, 'base64').toString('utf8');
        const file = stringField(user, fileKey);
        return file ? (await load(file, fileKey)).toString('utf8') : undefined;
    };
    const clientCert = await pem('client-certificate-data', 'client-certificate');
    const clientKey = await pem('client-key-data', 'client-key');
    if (clientCert && clientKey)
        return { clientCert, clientKey };
    throw (0,errors/* inputError */.Xu)('kubeconfig', `(${path}) has a current user with no usable credentials (auth-provider and basic auth ` +
        'are not supported)', 'a user with a token, tokenFile, exec plugin, or client certificate and key');
}

// EXTERNAL MODULE: ./src/cleanup.ts
var cleanup = __webpack_require__(2691);
;// CONCATENATED MODULE: ./src/kube/target.ts









/** The exec plugin ships beside the action's entry point, in dist/exec-plugin/. */
function execPluginPath() {
    const entry = process.argv[1] ?? '.';
    // Run from the sources (npm run local), the entry is src/index.ts; the plugin is built in dist/.
    if (entry.endsWith('.ts'))
        return (0,external_node_path_.join)((0,external_node_path_.dirname)(entry), '..', 'dist', 'exec-plugin', 'index.js');
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(entry), 'exec-plugin', 'index.js');
}
/**
 * Opens an EKS cluster: the user's kubeconfig when given, otherwise one we write under
 * RUNNER_TEMP whose user is our exec plugin. Credentials travel only through the environment
 * of the processes we start, never through a file.
 */
async function accessEksCluster(session, cluster, kubeconfigInput) {
    const env = {
        AWS_ACCESS_KEY_ID: session.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: session.credentials.secretAccessKey,
        AWS_REGION: session.region,
    };
    if (session.credentials.sessionToken)
        env.AWS_SESSION_TOKEN = session.credentials.sessionToken;
    if (kubeconfigInput) {
        const target = await readKubeconfig(kubeconfigInput);
        core/* info */.pq(`Using kubeconfig ${kubeconfigInput} (server ${target.server})`);
        return {
            kubeconfig: kubeconfigInput,
            client: clientFor(target, env),
            server: target.server,
            env,
            generated: false,
        };
    }
    const kubeconfig = await writeEksKubeconfig({
        clusterArn: cluster.arn,
        endpoint: cluster.endpoint,
        caData: cluster.caData,
        region: session.region,
        clusterName: cluster.name,
        directory: process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
        pluginPath: execPluginPath(),
    });
    (0,cleanup/* rememberFile */.q)(kubeconfig);
    core/* info */.pq(`Wrote kubeconfig for ${cluster.arn}`);
    const token = eksTokenSource({
        credentials: async () => session.credentials,
        region: session.region,
        clusterName: cluster.name,
    });
    const client = new KubeClient({ server: cluster.endpoint, caData: cluster.caData, token });
    return { kubeconfig, client, server: cluster.endpoint, env, generated: true };
}
function clientFor(target, env) {
    const base = { server: target.server, caData: target.caData, insecure: target.insecure };
    if ('token' in target.auth) {
        const token = target.auth.token;
        return new KubeClient({ ...base, token: async () => token });
    }
    if ('clientCert' in target.auth)
        return new KubeClient({
            ...base,
            clientCert: target.auth.clientCert,
            clientKey: target.auth.clientKey,
        });
    const exec = target.auth.exec;
    let cached;
    return new KubeClient({
        ...base,
        token: async () => {
            if (cached && cached.until - Date.now() > 60_000)
                return cached.token;
            cached = await runExec(exec, env);
            return cached.token;
        },
    });
}
/** Runs a kubeconfig's exec credential plugin as a Kubernetes client would. */
async function runExec(exec, env) {
    const child = (0,external_node_child_process_.spawn)(exec.command, exec.args, {
        env: {
            ...process.env,
            ...env,
            ...exec.env,
            KUBERNETES_EXEC_INFO: JSON.stringify({
                apiVersion: 'client.authentication.k8s.io/v1beta1',
                kind: 'ExecCredential',
                spec: { interactive: false },
            }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((done) => {
        child.on('error', () => done(-1));
        child.on('close', done);
    });
    if (code !== 0) {
        throw new errors/* ActionError */.lZ(`The kubeconfig's credential plugin '${exec.command}' failed (exit ${code}): ${stderr.trim().split('\n').pop() ?? ''}`, { input: 'kubeconfig' });
    }
    try {
        const status = JSON.parse(stdout).status;
        core/* setSecret */.Pq(status.token);
        return {
            token: status.token,
            until: status.expirationTimestamp
                ? Date.parse(status.expirationTimestamp)
                : Date.now() + 600_000,
        };
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`The kubeconfig's credential plugin '${exec.command}' printed no ExecCredential token: ${(0,errors/* messageOf */.bD)(error)}.`, { input: 'kubeconfig' });
    }
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

/***/ 9813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ openHub),
  Q: () => (/* binding */ setUpClusteradm)
});

// EXTERNAL MODULE: ./src/core.ts
var core = __webpack_require__(828);
// EXTERNAL MODULE: ./src/aws/credentials.ts
var credentials = __webpack_require__(6963);
// EXTERNAL MODULE: ./src/aws/eks.ts
var eks = __webpack_require__(4192);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/clusteradm/tool-cache.ts









// The runner's tool cache, in the layout every action shares: `<root>/<tool>/<version>/<arch>/`
// holds the files and the sibling `<arch>.complete` marks it whole. The marker is written last,
// so a directory left by an interrupted store is never taken for a finished one.
/** The tool cache root; the runner always sets RUNNER_TOOL_CACHE. */
function toolCacheRoot() {
    const root = process.env.RUNNER_TOOL_CACHE ?? '';
    if (!root) {
        throw new errors/* ActionError */.lZ('RUNNER_TOOL_CACHE is not set, so there is no tool cache to install clusteradm into; run ' +
            'the action on a GitHub Actions runner or set RUNNER_TOOL_CACHE to a writable directory.', { call: 'install clusteradm' });
    }
    return root;
}
function entryDir(tool, version, arch) {
    return external_node_path_default().join(toolCacheRoot(), tool, version, arch);
}
/** The cached directory of the tool version and arch, or '' when no complete entry exists. */
function findInToolCache(tool, version, arch) {
    const dir = entryDir(tool, version, arch);
    return (0,external_node_fs_.existsSync)(dir) && (0,external_node_fs_.existsSync)(`${dir}.complete`) ? dir : '';
}
/**
 * Copies the contents of sourceDir into the cache entry, replacing any incomplete or older
 * entry, then writes the marker. Returns the entry's directory.
 */
async function storeInToolCache(sourceDir, tool, version, arch) {
    const dir = entryDir(tool, version, arch);
    const marker = `${dir}.complete`;
    await (0,promises_.rm)(marker, { force: true });
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    try {
        await (0,promises_.mkdir)(dir, { recursive: true });
        // A copy rather than a rename: RUNNER_TEMP and the tool cache may be on different volumes.
        await (0,promises_.cp)(sourceDir, dir, { recursive: true });
        await (0,promises_.writeFile)(marker, '');
    }
    catch (error) {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw error;
    }
    return dir;
}
/** Where downloads and extractions go; the runner empties RUNNER_TEMP after each job. */
async function tempPath() {
    const root = process.env.RUNNER_TEMP || external_node_os_default().tmpdir();
    await (0,promises_.mkdir)(root, { recursive: true });
    return external_node_path_default().join(root, (0,external_node_crypto_.randomUUID)());
}
/** A failed download: `status` is set when the server answered with an error status. */
class DownloadError extends Error {
    status;
    retryable;
    constructor(message, options) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'DownloadError';
        this.status = options.status;
        this.retryable = options.retryable;
    }
}
/**
 * Downloads url to a new file under RUNNER_TEMP, hashing it on the way. Network failures,
 * truncated bodies and 5xx/429 answers are tried again, up to three attempts in all; other
 * statuses fail at once. Nothing is left behind when it fails.
 */
async function downloadFile(url) {
    return (0,retry/* withRetry */.bD)(async () => {
        const file = await tempPath();
        try {
            return { file, sha256: await downloadOnce(url, file) };
        }
        catch (error) {
            await (0,promises_.rm)(file, { force: true });
            throw error;
        }
    }, {
        attempts: 3,
        retryable: (error) => error instanceof DownloadError && error.retryable,
        onRetry: (error, attempt) => core/* debug */.Yz(`Retry ${attempt} of ${url}: ${(0,errors/* messageOf */.bD)(error)}`),
    });
}
async function downloadOnce(url, file) {
    let response;
    try {
        response = await fetch(url, { headers: { 'User-Agent': 'ocm-eks-join' } });
    }
    catch (error) {
        // fetch wraps every connection failure in "fetch failed"; the cause says which one.
        const cause = error.cause;
        throw new DownloadError((0,errors/* messageOf */.bD)(cause ?? error), { retryable: true, cause: error });
    }
    if (!response.ok || !response.body) {
        await response.body?.cancel().catch(() => undefined);
        const status = response.status;
        throw new DownloadError(`HTTP ${status}`, { status, retryable: (0,retry/* isTransientStatus */.Dm)(status) });
    }
    // With a content-encoding the length counts encoded bytes, which fetch has already decoded.
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    const length = encoded ? NaN : Number(response.headers.get('content-length') ?? NaN);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let received = 0;
    const reader = response.body.getReader();
    const handle = await (0,promises_.open)(file, 'w');
    try {
        for (;;) {
            const chunk = await reader.read().catch((error) => {
                throw new DownloadError('aborted', { retryable: true, cause: error });
            });
            if (chunk.done)
                break;
            hash.update(chunk.value);
            received += chunk.value.length;
            await handle.write(chunk.value);
        }
    }
    finally {
        await handle.close();
        // Frees the connection when writing the file failed before the body was read to its end.
        await reader.cancel().catch(() => undefined);
    }
    if (Number.isFinite(length) && received < length) {
        throw new DownloadError('aborted', { retryable: true });
    }
    return hash.digest('hex');
}
/**
 * Extracts the archive into a new directory under RUNNER_TEMP with the host's own tools and
 * returns that directory, which the caller deletes.
 */
async function extractArchive(archive, zip) {
    const dir = await tempPath();
    await (0,promises_.mkdir)(dir, { recursive: true });
    try {
        if (process.platform === 'win32') {
            // Windows' own bsdtar reads zip as well; naming it avoids a GNU tar from Git earlier on
            // PATH, which reads neither zip nor drive-letter paths.
            const systemRoot = process.env.SystemRoot || 'C:\\Windows';
            const tar = external_node_path_default().join(systemRoot, 'System32', 'tar.exe');
            await run(tar, [zip ? '-xf' : '-xzf', archive, '-C', dir]);
        }
        else if (zip) {
            await run('unzip', ['-o', '-q', archive, '-d', dir]);
        }
        else {
            await run('tar', ['-xzf', archive, '-C', dir]);
        }
        return dir;
    }
    catch (error) {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        throw error;
    }
}
/** The tool extractArchive uses on this host, for messages. */
function extractorName(zip) {
    return zip && process.platform !== 'win32' ? 'unzip' : 'tar';
}
function run(command, args) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
        let stderr = '';
        // Only the end matters for the message; keeping it short bounds memory on a noisy tool.
        child.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString()).slice(-2000)));
        child.on('error', reject);
        child.on('close', (code, signal) => {
            if (code === 0)
                return resolve();
            const last = stderr.trim().split('\n').pop()?.trim();
            const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
            reject(new Error(`${external_node_path_default().basename(command)} ${how}${last ? `: ${last}` : ''}`));
        });
    });
}

;// CONCATENATED MODULE: ./src/clusteradm/install.ts







/** `--managed-cluster-arn` on `clusteradm join` first appeared in this release. */
const MINIMUM_CLUSTERADM_VERSION = '1.0.0';
const TOOL_NAME = 'clusteradm';
const RELEASES_REPOSITORY = 'open-cluster-management-io/clusteradm';
/**
 * Returns the clusteradm binary for the version, from the tool cache when present, otherwise
 * downloaded from the mirror, checked against the expected SHA-256 and added to the cache.
 */
async function installClusteradm(options) {
    const target = resolveTarget(options);
    const { label } = target;
    const expectedFromInput = normalizeSha256(options.sha256);
    const mirror = normalizeMirror(options.mirror);
    const cachedDir = findInToolCache(TOOL_NAME, target.version, target.cacheArch);
    const cachedBinary = cachedDir ? external_node_path_default().join(cachedDir, target.binary) : '';
    if (cachedBinary && (0,external_node_fs_.existsSync)(cachedBinary)) {
        core/* info */.pq(`Found ${label} in the tool cache: ${cachedBinary}`);
        return { path: cachedBinary, version: target.version, cached: true };
    }
    const url = `${mirror}/v${target.version}/${target.asset}`;
    const expected = expectedFromInput
        ? { sha256: expectedFromInput, source: "input 'clusteradm-sha256'" }
        : {
            sha256: await publishedDigest(target, options.githubToken),
            source: `the digest published with release v${target.version}`,
        };
    core/* info */.pq(`Downloading ${label} from ${url}`);
    let download;
    try {
        download = await downloadFile(url);
    }
    catch (error) {
        // downloadFile already retried network errors and 5xx; a 4xx is reported at once.
        const status = error instanceof DownloadError ? error.status : undefined;
        const problem = status ? `HTTP ${status}` : `after retries: ${(0,errors/* messageOf */.bD)(error)}`;
        throw new errors/* ActionError */.lZ(`Downloading ${label} from ${url} failed (${problem}); check 'clusteradm-version' and ` +
            `'clusteradm-mirror', and that the runner can reach the mirror.`, { call: 'download clusteradm', cause: error });
    }
    const { file: archive, sha256: actual } = download;
    try {
        if (actual !== expected.sha256) {
            throw new errors/* ActionError */.lZ(`The archive of ${label} from ${url} has SHA-256 ${actual}, expected ${expected.sha256} ` +
                `(${expected.source}); check that 'clusteradm-mirror' serves the genuine release ` +
                `and that 'clusteradm-sha256' is right.`, { input: expectedFromInput ? 'clusteradm-sha256' : undefined, call: 'download clusteradm' });
        }
        core/* info */.pq(`Verified SHA-256 ${actual} of ${target.asset} against ${expected.source}`);
        const binaryPath = await extractAndCache(archive, target, url);
        core/* info */.pq(`Cached ${label} at ${binaryPath}`);
        return { path: binaryPath, version: target.version, cached: false };
    }
    finally {
        await (0,promises_.rm)(archive, { force: true });
    }
}
function resolveTarget(options) {
    const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(options.version.trim());
    if (!match) {
        throw (0,errors/* inputError */.Xu)('clusteradm-version', `is '${options.version}', which is not a release version`, `a version such as 1.3.1`);
    }
    const version = `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}`;
    if (Number(match[1]) < 1) {
        throw (0,errors/* inputError */.Xu)('clusteradm-version', `is ${version}, older than ${MINIMUM_CLUSTERADM_VERSION} which added --managed-cluster-arn`, `${MINIMUM_CLUSTERADM_VERSION} or later, such as 1.3.1`);
    }
    const platform = options.platform ?? process.platform;
    const nodeArch = options.arch ?? process.arch;
    const os = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[platform];
    const releaseArch = { x64: 'amd64', amd64: 'amd64', arm64: 'arm64' }[nodeArch];
    const cacheArch = releaseArch === 'amd64' ? 'x64' : releaseArch;
    // Releases publish Windows builds for amd64 only.
    if (!os || !releaseArch || !cacheArch || (os === 'windows' && releaseArch !== 'amd64')) {
        throw new errors/* ActionError */.lZ(`clusteradm ${version} has no release build for ${os ?? platform}/${nodeArch}; run the ` +
            `action on Linux or macOS (x64 or arm64) or on Windows x64.`, { call: 'download clusteradm' });
    }
    const zip = os === 'windows';
    return {
        version,
        os,
        cacheArch,
        asset: `clusteradm_${os}_${releaseArch}${zip ? '.zip' : '.tar.gz'}`,
        binary: zip ? 'clusteradm.exe' : 'clusteradm',
        zip,
        label: `clusteradm ${version} for ${os}/${cacheArch}`,
    };
}
function normalizeSha256(value) {
    const trimmed = value?.trim() ?? '';
    if (!trimmed)
        return undefined;
    if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) {
        throw (0,errors/* inputError */.Xu)('clusteradm-sha256', 'is not a SHA-256 digest', '64 hexadecimal digits');
    }
    return trimmed.toLowerCase();
}
function normalizeMirror(value) {
    const trimmed = value.trim().replace(/\/+$/, '');
    if (!/^https?:\/\/[^\s/]+/.test(trimmed)) {
        throw (0,errors/* inputError */.Xu)('clusteradm-mirror', `is '${value}', which is not an http(s) URL`, `a base URL such as https://github.com/${RELEASES_REPOSITORY}/releases/download`);
    }
    return trimmed;
}
/** Reads `sha256:<hex>` for the asset from the GitHub API's release-by-tag endpoint. */
async function publishedDigest(target, githubToken) {
    const apiBase = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const url = `${apiBase}/repos/${RELEASES_REPOSITORY}/releases/tags/v${target.version}`;
    const headers = {
        Accept: 'application/vnd.github+json',
        'User-Agent': 'ocm-eks-join',
    };
    if (githubToken)
        headers.Authorization = `Bearer ${githubToken}`;
    const unavailable = (reason, status, cause) => new errors/* ActionError */.lZ(`Could not read the SHA-256 that release v${target.version} publishes for ` +
        `${target.asset} (${reason}); set 'clusteradm-sha256' to the archive's digest` +
        (status === 401 || status === 403 ? " or check 'github-token'." : '.'), { input: 'clusteradm-sha256', call: 'GitHub GetReleaseByTag', cause });
    let body;
    try {
        body = await (0,retry/* withRetry */.bD)(async () => {
            const response = await fetch(url, { headers });
            if (response.ok)
                return (await response.json());
            throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
        }, {
            attempts: 4,
            retryable: (error) => (0,retry/* isTransientStatus */.Dm)(error.status) ||
                (0,retry/* isTransientNetworkError */.l)(error.cause),
            onRetry: (error, attempt) => core/* debug */.Yz(`Retry ${attempt} of ${url}: ${(0,errors/* messageOf */.bD)(error)}`),
        });
    }
    catch (error) {
        const { status, cause } = error;
        const reason = cause ? `${(0,errors/* messageOf */.bD)(error)}: ${(0,errors/* messageOf */.bD)(cause)}` : (0,errors/* messageOf */.bD)(error);
        throw unavailable(`${reason} from ${url}`, status, error);
    }
    const assets = Array.isArray(body?.assets) ? body.assets : [];
    const asset = assets.find((entry) => entry?.name === target.asset);
    const digest = typeof asset?.digest === 'string' ? asset.digest.trim() : '';
    const match = /^sha256:([0-9a-fA-F]{64})$/.exec(digest);
    if (!match) {
        throw unavailable(asset ? 'it lists no digest for the asset' : 'it has no such asset');
    }
    return match[1].toLowerCase();
}
async function extractAndCache(archive, target, url) {
    let extracted;
    try {
        extracted = await extractArchive(archive, target.zip);
        const binary = external_node_path_default().join(extracted, target.binary);
        if (!(0,external_node_fs_.existsSync)(binary)) {
            throw new errors/* ActionError */.lZ(`The archive of ${target.label} from ${url} holds no ${target.binary} at its root; ` +
                `check that 'clusteradm-mirror' serves the release assets unchanged.`, { call: 'install clusteradm' });
        }
        // Archives made on other systems may drop the executable bit.
        await (0,promises_.chmod)(binary, 0o755);
        const cacheDir = await storeInToolCache(extracted, TOOL_NAME, target.version, target.cacheArch);
        return external_node_path_default().join(cacheDir, target.binary);
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.lZ)
            throw error;
        throw new errors/* ActionError */.lZ(`Extracting ${target.label} from ${url} failed (${(0,errors/* messageOf */.bD)(error)}); check that the ` +
            `runner has ${extractorName(target.zip)} and free space in RUNNER_TEMP.`, { call: 'install clusteradm', cause: error });
    }
    finally {
        if (extracted)
            await (0,promises_.rm)(extracted, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
;// CONCATENATED MODULE: ./src/modes/hub-common.ts






/**
 * Opens the hub account and reads the hub cluster. A hub named only by `hub-cluster-name` takes
 * its account from the caller and its region from `aws-region`.
 */
async function openHub(config, access = config.aws, roleToAssume, roleInput) {
    const session = await (0,credentials/* openSession */.f)(access, roleToAssume ?? access.roleToAssume, roleInput);
    const ref = config.hub ?? (0,naming/* clusterRef */.eN)(access.region, session.account, config.hubClusterName);
    if (ref.account !== session.account) {
        throw new errors/* ActionError */.lZ(`The AWS credentials are for account ${session.account}, but 'hub-cluster-arn' names a hub in account ${ref.account}: this mode must run with a role in the hub's account.`, { input: roleInput ?? 'role-to-assume' });
    }
    const cluster = await (0,eks/* describeCluster */.K$)(session.eks, ref.name, config.hub ? 'hub-cluster-arn' : 'hub-cluster-name');
    return { session, ref: { ...ref, arn: cluster.arn }, cluster };
}
async function setUpClusteradm(config) {
    const installed = await installClusteradm({ ...config.clusteradm });
    core/* info */.pq(`clusteradm ${installed.version} at ${installed.path}${installed.cached ? ' (from the tool cache)' : ''}`);
    return { path: installed.path, version: installed.version };
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
