import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A request as the test server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A TLS key pair for 127.0.0.1, made with the openssl CLI. */
export function selfSignedCert(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kube-test-cert-'));
  try {
    const args = '-x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1'.split(' ');
    execFileSync(
      'openssl',
      ['req', ...args, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')].concat([
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ]),
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A handler that answers one request; `body` is already read. */
export type Handler = (request: SeenRequest, response: ServerResponse) => void;

/** An HTTPS server on 127.0.0.1 with a random port that records every request it receives. */
export class TestApiServer {
  readonly seen: SeenRequest[] = [];
  readonly cert: string;
  handler: Handler = (_request, response) => response.writeHead(500).end();
  private readonly server: Server;

  private constructor(key: string, cert: string) {
    this.cert = cert;
    this.server = createServer({ key, cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const seen = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.seen.push(seen);
        this.handler(seen, res);
      });
    });
  }

  static async start(): Promise<TestApiServer> {
    const { key, cert } = selfSignedCert();
    const server = new TestApiServer(key, cert);
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('server not listening');
    return `https://127.0.0.1:${address.port}`;
  }

  /** The CA as base64 of its PEM, the form kubeconfigs and DescribeCluster use. */
  get caData(): string {
    return Buffer.from(this.cert, 'utf8').toString('base64');
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Writes a JSON answer. */
export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
