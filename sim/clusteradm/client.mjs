// A small HTTPS JSON client for the Kubernetes REST API, with client-go's error texts.

import https from 'node:https';

export class ApiRequestError extends Error {
  constructor(status, reason, message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }
}

export class KubeClient {
  /** `cluster` is { server, caPem?, insecure?, getToken() }. */
  constructor(cluster) {
    this.cluster = cluster;
  }

  async request(method, path, body, contentType = 'application/json') {
    const token = await this.cluster.getToken();
    const url = new URL(path, `${this.cluster.server}/`);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { accept: 'application/json', 'user-agent': 'clusteradm/v1.3.1' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['content-type'] = contentType;
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const options = {
      method,
      headers,
      ca: this.cluster.caPem,
      rejectUnauthorized: !this.cluster.insecure,
      timeout: 30_000,
    };
    const verb = method[0] + method.slice(1).toLowerCase();
    const { status, text } = await new Promise((resolve, reject) => {
      const req = https.request(url, options, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      });
      req.on('timeout', () => req.destroy(new Error('context deadline exceeded')));
      req.on('error', (error) => {
        reject(new ApiRequestError(0, 'Network', `${verb} "${url}": ${error.message}`));
      });
      req.end(payload);
    });
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (status >= 200 && status < 300) return parsed;
    if (parsed?.kind === 'Status') throw new ApiRequestError(status, parsed.reason, parsed.message);
    const message = `the server returned status ${status} for ${verb} ${path}`;
    throw new ApiRequestError(status, 'Unknown', message);
  }

  /** GET that answers undefined on 404. */
  async find(path) {
    try {
      return await this.request('GET', path);
    } catch (error) {
      if (error.status === 404) return undefined;
      throw error;
    }
  }

  /** Creates the object under `collection`, or replaces its spec when it exists. */
  async apply(collection, obj) {
    const current = await this.find(`${collection}/${obj.metadata.name}`);
    if (!current) return { obj: await this.request('POST', collection, obj), created: true };
    const next = { ...current, metadata: { ...current.metadata }, spec: obj.spec };
    for (const field of ['labels', 'annotations']) {
      if (!obj.metadata[field]) continue;
      next.metadata[field] = { ...current.metadata[field], ...obj.metadata[field] };
    }
    const path = `${collection}/${obj.metadata.name}`;
    return { obj: await this.request('PUT', path, next), created: false };
  }

  async deleteIfPresent(path) {
    try {
      await this.request('DELETE', path);
      return true;
    } catch (error) {
      if (error.status === 404) return false;
      throw error;
    }
  }
}
