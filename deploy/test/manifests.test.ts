import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

/**
 * Every Kustomize overlay renders (`kubectl kustomize`, as CI and operators run it) and every
 * object it renders is valid against the Kubernetes schemas of its kind (kubernetes-models,
 * prometheus-operator's for the CRDs), with the references between objects intact: a broken
 * manifest fails here rather than at `kubectl apply`.
 */

const DEPLOY = fileURLToPath(new URL('..', import.meta.url));
const KUBECTL = process.env.KUBECTL ?? 'kubectl';
const OVERLAYS = readdirSync(path.join(DEPLOY, 'k8s/overlays'));
/**
 * `npm test` on a machine with Node.js alone skips the rendering; CI (which installs kubectl,
 * see .ci/run) never does.
 */
const RUNS =
  Boolean(process.env.CI) ||
  !spawnSync(KUBECTL, ['version', '--client'], { stdio: 'ignore' }).error;
/** Created by the operator, never committed (docs/operations.md). */
const EXTERNAL_SECRETS = new Set(['co2-calculator']);

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  // The rendered documents are checked against their schemas below, not typed here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  data?: Record<string, string>;
}

function render(overlay: string): K8sObject[] {
  const yaml = execFileSync(KUBECTL, ['kustomize', path.join(DEPLOY, 'k8s/overlays', overlay)], {
    encoding: 'utf8',
    // Deprecation warnings of newer kustomize versions go to stderr: not ours to read.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseAllDocuments(yaml)
    .map((document) => document.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

/** The model class of a kind; a kind without one fails, so every new kind gets a schema. */
async function modelOf(apiVersion: string, kind: string) {
  const specifier = apiVersion.startsWith('monitoring.coreos.com/')
    ? `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}`
    : `kubernetes-models/${apiVersion}/${kind}`;
  const module = (await import(specifier)) as Record<
    string,
    new (data: unknown) => { validate(): void }
  >;
  const model = module[kind];
  if (!model) throw new Error(`no schema for ${apiVersion} ${kind}`);
  return model;
}

const find = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);

const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

describe.runIf(RUNS).each(OVERLAYS)('overlay %s', (overlay) => {
  const objects = RUNS ? render(overlay) : [];
  const workloads = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job');
  const podSpecs = workloads.map((o) => ({ owner: o, pod: o.spec.template }));

  it('renders the whole application into one namespace', () => {
    const kinds = new Set(objects.map((o) => o.kind));
    for (const kind of [
      'Deployment',
      'Job',
      'Service',
      'Ingress',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'ConfigMap',
      'ServiceMonitor',
      'PrometheusRule',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    const namespaces = new Set(objects.map((o) => o.metadata.namespace));
    expect(namespaces.size).toBe(1);
    expect([...namespaces][0]).toMatch(/^co2-calculator/);
  });

  it('has only objects valid against the Kubernetes schemas', async () => {
    for (const object of objects) {
      const Model = await modelOf(object.apiVersion, object.kind);
      expect(
        () => new Model(object).validate(),
        `${object.kind} ${object.metadata.name}`,
      ).not.toThrow();
    }
  });

  it('commits no secret values', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  it('gives every container probes, resources, an image of the overlay and no root', () => {
    for (const { owner, pod } of podSpecs) {
      expect(pod.spec.securityContext.runAsNonRoot, owner.metadata.name).toBe(true);
      for (const container of pod.spec.containers) {
        const where = `${owner.metadata.name}/${container.name}`;
        expect(container.image, where).toMatch(/^[\w.-]+(:\d+)?\/[\w./-]+:[\w.-]+$/);
        expect(Object.keys(container.resources?.requests ?? {}).sort(), where).toEqual([
          'cpu',
          'memory',
        ]);
        expect(container.resources?.limits?.memory, where).toBeDefined();
        expect(container.securityContext.allowPrivilegeEscalation, where).toBe(false);
        if (owner.kind !== 'Deployment') continue;
        expect(container.livenessProbe?.httpGet?.path, where).toBe('/healthz');
        expect(container.readinessProbe?.httpGet?.path, where).toBe('/readyz');
        const ports = container.ports.map((p: { name: string }) => p.name);
        for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
          expect(ports, `${where} ${probe}`).toContain(container[probe].httpGet.port);
        }
      }
    }
  });

  it('refers only to ConfigMaps it renders and to the documented Secret', () => {
    for (const { owner, pod } of podSpecs) {
      for (const container of pod.spec.containers) {
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef) {
            const name = source.configMapRef.name;
            expect(
              find(objects, 'ConfigMap', name),
              `${owner.metadata.name}: ${name}`,
            ).toBeTruthy();
          }
          if (source.secretRef) expect(EXTERNAL_SECRETS).toContain(source.secretRef.name);
        }
      }
    }
  });

  it('selects pods that exist: Services, PDBs, NetworkPolicies, the HPA and the Ingress', () => {
    const podLabels = podSpecs.map(({ pod }) => pod.metadata.labels as Record<string, string>);
    const selecting = objects.filter((o) =>
      ['Service', 'PodDisruptionBudget', 'NetworkPolicy'].includes(o.kind),
    );
    for (const object of selecting) {
      const selector =
        object.kind === 'Service'
          ? object.spec.selector
          : (object.spec.podSelector ?? object.spec.selector).matchLabels;
      expect(
        podLabels.some((labels) => matches(selector, labels)),
        `${object.kind} ${object.metadata.name}`,
      ).toBe(true);
    }
    for (const deployment of objects.filter((o) => o.kind === 'Deployment')) {
      expect(
        matches(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels),
      ).toBe(true);
    }
    for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
      const target = find(objects, hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name);
      expect(target, hpa.metadata.name).toBeTruthy();
      // The autoscaler owns the replica count: a fixed one would be reset at every apply.
      expect(target!.spec.replicas, hpa.metadata.name).toBeUndefined();
    }
    const ingress = objects.find((o) => o.kind === 'Ingress')!;
    const paths = ingress.spec.rules.flatMap(
      (rule: {
        http: {
          paths: { path: string; backend: { service: { name: string; port: { name: string } } } }[];
        };
      }) => rule.http.paths,
    );
    expect(paths.map((p: { path: string }) => p.path).sort()).toEqual(
      ['/', '/api', '/docs', '/it-manager', '/team-manager'].sort(),
    );
    for (const { backend } of paths) {
      const service = find(objects, 'Service', backend.service.name);
      expect(service, backend.service.name).toBeTruthy();
      expect(service!.spec.ports.map((p: { name: string }) => p.name)).toContain(
        backend.service.port.name,
      );
    }
  });

  it('scrapes the ports the Services name, with the alerting rules of deploy/prometheus', () => {
    const monitor = objects.find((o) => o.kind === 'ServiceMonitor')!;
    const services = objects.filter(
      (o) => o.kind === 'Service' && matches(monitor.spec.selector.matchLabels, o.metadata.labels),
    );
    const servicePorts = services.flatMap((s) => s.spec.ports.map((p: { name: string }) => p.name));
    for (const endpoint of monitor.spec.endpoints) {
      expect(servicePorts).toContain(endpoint.port);
      expect(endpoint.path).toBe('/metrics');
    }
    const rule = objects.find((o) => o.kind === 'PrometheusRule')!;
    const alerts = parse(readFileSync(path.join(DEPLOY, 'prometheus/alerts.yml'), 'utf8'));
    expect(rule.spec).toEqual(alerts);
  });
});
