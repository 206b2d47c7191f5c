// An HTTPS server on loopback for the fixture pages, with a throwaway self-signed certificate.
// The browsers map real social hostnames to 127.0.0.1, so the shipped rules are what is tested.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const NODE_MODULES = new URL('../../../node_modules/', import.meta.url).pathname;
/** Real upload libraries the fixture pages under /libs/ load, served as /lib/<package>/<file>. */
const LIBRARIES = [
  'dropzone/dist/',
  'filepond/dist/',
  'react/umd/',
  'react-dom/umd/',
  'react-dropzone/dist/',
  'prop-types/',
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'pausa-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=pausa-test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch (error) {
    throw new Error("openssl is needed for the e2e tests' certificate (apt-get install openssl)", {
      cause: error,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Route {
  body: Uint8Array | string;
  status?: number;
  headers?: Record<string, string>;
}

export interface FixtureServer {
  port: number;
  /** Serve `body` at `path` (any host) instead of a fixture file; null removes the route. */
  setRoute(path: string, route: Route | null): void;
  /** Requests seen per path, with their headers (for conditional requests, cookies). */
  requests: Array<{ path: string; headers: Record<string, string | string[] | undefined> }>;
  url(host: string, path?: string): string;
  close(): Promise<void>;
}

/** Serves tests/fixtures/ (and the upload libraries under /lib/) for any host name. */
export async function startServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const requests: FixtureServer['requests'] = [];
  const server: Server = createServer(selfSignedCertificate(), (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname));
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    if (route) {
      res.writeHead(route.status ?? 200, { 'cache-control': 'no-cache', ...route.headers });
      res.end(route.body);
      return;
    }
    const lib = path.startsWith('/lib/') ? path.slice('/lib/'.length) : undefined;
    const file =
      lib !== undefined
        ? join(NODE_MODULES, lib)
        : join(FIXTURES, path.endsWith('/') ? `${path}index.html` : path);
    const allowed =
      lib !== undefined
        ? LIBRARIES.some((dir) => file.startsWith(join(NODE_MODULES, dir)))
        : file.startsWith(FIXTURES);
    if (!allowed) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    setRoute: (path, route) => (route ? routes.set(path, route) : routes.delete(path)),
    url: (host, path = '/') => `https://${host}:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
