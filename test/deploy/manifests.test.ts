/**
 * The deployment files are checked against the app itself: ports, probe paths, setting
 * names and commands must be ones the code and package.json really have.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { SETTING_NAMES } from '../../src/config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string): Promise<string> => readFile(`${root}/${path}`, 'utf8');

/* eslint-disable @typescript-eslint/no-explicit-any */
type Manifest = any;
let manifests: Manifest[];
let scripts: Record<string, string>;
let appSource: string;

const byKind = (kind: string): Manifest => manifests.find((m) => m.kind === kind);

async function readSources(dir: string): Promise<string> {
  const entries = await readdir(`${root}/${dir}`, { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => `${e.parentPath ?? (e as any).path}/${e.name}`);
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

beforeAll(async () => {
  const dir = `${root}/deploy/kubernetes`;
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml'));
  manifests = [];
  for (const f of files) {
    for (const doc of parseAllDocuments(await readFile(`${dir}/${f}`, 'utf8'))) {
      expect(doc.errors, f).toEqual([]);
      manifests.push({ ...doc.toJS(), __file: f });
    }
  }
  scripts = JSON.parse(await read('package.json')).scripts;
  appSource = await readSources('src');
});

describe('deploy/kubernetes', () => {
  it('lists every manifest in the kustomization', async () => {
    const kustomization = byKind('Kustomization');
    const resources = manifests.filter((m) => !['Kustomization', 'Secret'].includes(m.kind) && m.__file !== 'git-sync-patch.yaml').map((m) => m.__file);
    expect(kustomization.resources).toEqual(expect.arrayContaining([...new Set(resources)]));
  });

  it('runs the Deployment in HTTP mode with two or more replicas and the start command', () => {
    const deployment = byKind('Deployment');
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    const [container] = deployment.spec.template.spec.containers;
    expect(container.command.join(' ')).toBe(scripts.start);
    const secret = byKind('Secret');
    expect(Object.keys(secret.stringData)).not.toContain('SLACK_APP_TOKEN');
    expect(Object.keys(secret.stringData)).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']));
  });

  it('probes paths the app serves, on the port it listens on', () => {
    const [container] = byKind('Deployment').spec.template.spec.containers;
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(appSource).toContain("'/readyz'");
    expect(appSource).toContain("'/healthz'");
    const port = container.ports.find((p: any) => p.name === container.readinessProbe.httpGet.port);
    expect(String(port.containerPort)).toBe(byKind('ConfigMap').data.PORT);
    expect(byKind('Service').spec.ports[0].targetPort).toBe(port.name);
  });

  it('sets requests, limits and a restrictive securityContext', () => {
    for (const workload of [byKind('Deployment').spec.template.spec, byKind('CronJob').spec.jobTemplate.spec.template.spec]) {
      expect(workload.securityContext.runAsNonRoot).toBe(true);
      for (const c of workload.containers) {
        expect(c.resources.requests).toBeDefined();
        expect(c.resources.limits).toBeDefined();
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
      }
    }
  });

  it('uses only settings the app knows, and keeps the in-process digest off beside the CronJob', () => {
    const configMap = byKind('ConfigMap');
    for (const key of [...Object.keys(configMap.data), ...Object.keys(byKind('Secret').stringData)]) {
      expect(SETTING_NAMES, key).toContain(key);
    }
    expect(configMap.data.DIGEST_CRON).toBe('');
  });

  it('runs the digest as a CronJob with npm run digest, one run at a time, its state on a volume', () => {
    const cron = byKind('CronJob');
    const [container] = cron.spec.jobTemplate.spec.template.spec.containers;
    expect(container.command).toEqual(['npm', 'run', 'digest']);
    expect(scripts.digest).toBeDefined();
    expect(cron.spec.concurrencyPolicy).toBe('Forbid');
    const statePath: string = byKind('ConfigMap').data.DIGEST_STATE;
    expect(container.volumeMounts.some((m: any) => statePath.startsWith(`${m.mountPath}/`) && m.name === 'state')).toBe(true);
    expect(byKind('PersistentVolumeClaim')).toBeDefined();
  });

  it('mounts writable volumes wherever the read-only app writes', () => {
    const spec = byKind('Deployment').spec.template.spec;
    const indexPath: string = byKind('ConfigMap').data.INDEX_PATH;
    const mounts = spec.containers[0].volumeMounts.map((m: any) => m.mountPath);
    expect(mounts.some((m: string) => indexPath.startsWith(`${m}/`))).toBe(true);
    expect(mounts).toContain('/tmp');
  });
});

describe('README configuration table', () => {
  it('documents every setting the app reads', async () => {
    const readme = await read('README.md');
    for (const name of SETTING_NAMES) expect(readme, name).toMatch(new RegExp(`\\| \`${name}\` \\|`));
  });
});
