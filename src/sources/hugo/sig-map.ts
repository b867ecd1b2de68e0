/**
 * Pure: which SIG owns a page of kubernetes/website's `content/ja/docs`, so answers from the
 * docs name the SIG's channel as answers from the articles do. Keys are paths inside the
 * content tree (without `.md`); the longest matching prefix wins; `sigs_by_path` in the
 * sources file adds to and overrides these.
 */
export const DEFAULT_SIGS_BY_PATH: Readonly<Record<string, readonly string[]>> = {
  'docs/concepts/services-networking': ['sig-network'],
  'docs/tasks/network': ['sig-network'],
  'docs/reference/networking': ['sig-network'],
  'docs/concepts/cluster-administration/networking': ['sig-network'],
  'docs/concepts/storage': ['sig-storage'],
  'docs/tasks/configure-pod-container/configure-persistent-volume-storage': ['sig-storage'],
  'docs/tasks/configure-pod-container/configure-volume-storage': ['sig-storage'],
  'docs/concepts/workloads': ['sig-apps'],
  'docs/tasks/run-application': ['sig-apps'],
  'docs/tasks/job': ['sig-apps'],
  'docs/tutorials/stateful-application': ['sig-apps'],
  'docs/tutorials/stateless-application': ['sig-apps'],
  'docs/concepts/workloads/autoscaling': ['sig-autoscaling'],
  'docs/tasks/run-application/horizontal-pod-autoscale': ['sig-autoscaling'],
  'docs/tasks/run-application/horizontal-pod-autoscale-walkthrough': ['sig-autoscaling'],
  'docs/concepts/scheduling-eviction': ['sig-scheduling'],
  'docs/concepts/policy': ['sig-scheduling'],
  'docs/concepts/security': ['sig-security'],
  'docs/concepts/security/rbac-good-practices': ['sig-auth'],
  'docs/concepts/security/service-accounts': ['sig-auth'],
  'docs/concepts/security/controlling-access': ['sig-auth'],
  'docs/concepts/security/pod-security-admission': ['sig-auth'],
  'docs/concepts/security/pod-security-standards': ['sig-auth'],
  'docs/concepts/security/pod-security-policy': ['sig-auth'],
  'docs/reference/access-authn-authz': ['sig-auth'],
  'docs/tasks/configure-pod-container/configure-service-account': ['sig-auth'],
  'docs/tasks/configure-pod-container/security-context': ['sig-auth'],
  'docs/tasks/administer-cluster/encrypt-data': ['sig-auth'],
  'docs/concepts/architecture/nodes': ['sig-node'],
  'docs/concepts/architecture/cri': ['sig-node'],
  'docs/concepts/architecture/cgroups': ['sig-node'],
  'docs/concepts/containers': ['sig-node'],
  'docs/concepts/workloads/pods': ['sig-node'],
  'docs/tasks/configure-pod-container': ['sig-node'],
  'docs/reference/node': ['sig-node'],
  'docs/concepts/architecture/garbage-collection': ['sig-api-machinery'],
  'docs/concepts/architecture/controller': ['sig-api-machinery'],
  'docs/concepts/architecture/leases': ['sig-api-machinery'],
  'docs/tasks/administer-cluster/use-cascading-deletion': ['sig-api-machinery'],
  'docs/tasks/administer-cluster/migrating-from-dockershim': ['sig-node'],
  'docs/tutorials/services': ['sig-network'],
  'docs/tasks/administer-cluster/change-default-storage-class': ['sig-storage'],
  'docs/concepts/cluster-administration/kube-state-metrics': ['sig-instrumentation'],
  'docs/concepts/overview/working-with-objects': ['sig-api-machinery'],
  'docs/concepts/extend-kubernetes': ['sig-api-machinery'],
  'docs/tasks/extend-kubernetes': ['sig-api-machinery'],
  'docs/reference/using-api': ['sig-api-machinery'],
  'docs/setup': ['sig-cluster-lifecycle'],
  'docs/tasks/administer-cluster/kubeadm': ['sig-cluster-lifecycle'],
  'docs/reference/setup-tools/kubeadm': ['sig-cluster-lifecycle'],
  'docs/concepts/cluster-administration/logging': ['sig-instrumentation'],
  'docs/concepts/cluster-administration/system-logs': ['sig-instrumentation'],
  'docs/concepts/cluster-administration/system-metrics': ['sig-instrumentation'],
  'docs/concepts/cluster-administration/system-traces': ['sig-instrumentation'],
  'docs/reference/kubectl': ['sig-cli'],
  'docs/tasks/manage-kubernetes-objects': ['sig-cli'],
  'docs/tasks/tools': ['sig-cli'],
  'docs/concepts/windows': ['sig-windows'],
  'docs/setup/production-environment/windows': ['sig-windows'],
  'docs/contribute': ['sig-docs'],
};

/** The map a tree uses: the default with `sigs_by_path` merged over it (an entry there replaces the same path's). */
export function buildSigMap(overrides: Readonly<Record<string, readonly string[]>> = {}): Readonly<Record<string, readonly string[]>> {
  return { ...DEFAULT_SIGS_BY_PATH, ...overrides };
}

/** The SIGs of a page by its path: those of the longest matching prefix in the map. */
export function selectSigsForPath(path: string, map: Readonly<Record<string, readonly string[]>> = DEFAULT_SIGS_BY_PATH): string[] {
  const key = path.replace(/\.md$/i, '').replace(/\/(_?index)$/i, '');
  return [...(longestPrefix(key, map) ?? [])];
}

function longestPrefix(key: string, map: Readonly<Record<string, readonly string[]>>): readonly string[] | undefined {
  let best: string | undefined;
  for (const prefix of Object.keys(map)) {
    if ((key === prefix || key.startsWith(`${prefix}/`)) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best === undefined ? undefined : map[best];
}
