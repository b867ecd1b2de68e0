import { describe, expect, it } from 'vitest';
import { buildSigMap, selectSigsForPath } from '../../../src/sources/hugo/sig-map.js';

describe('selectSigsForPath', () => {
  it('maps kubernetes/website docs paths to their SIG by the longest prefix', () => {
    expect(selectSigsForPath('docs/concepts/services-networking/service.md')).toEqual(['sig-network']);
    expect(selectSigsForPath('docs/concepts/storage/volumes/index.md')).toEqual(['sig-storage']);
    expect(selectSigsForPath('docs/concepts/workloads/controllers/deployment.md')).toEqual(['sig-apps']);
    expect(selectSigsForPath('docs/concepts/workloads/pods/_index.md')).toEqual(['sig-node']);
    expect(selectSigsForPath('docs/tasks/run-application/horizontal-pod-autoscale.md')).toEqual(['sig-autoscaling']);
    expect(selectSigsForPath('docs/concepts/scheduling-eviction/taint-and-toleration.md')).toEqual(['sig-scheduling']);
    expect(selectSigsForPath('docs/reference/access-authn-authz/rbac.md')).toEqual(['sig-auth']);
    expect(selectSigsForPath('docs/concepts/overview/what-is-kubernetes.md')).toEqual([]);
  });

  it('lets sigs_by_path override the default and add paths, the longest prefix still winning', () => {
    const map = buildSigMap({ 'docs/concepts/storage': ['sig-x'], 'docs/concepts/overview': ['sig-architecture'] });
    expect(selectSigsForPath('docs/concepts/storage/volumes.md', map)).toEqual(['sig-x']);
    expect(selectSigsForPath('docs/concepts/overview/components.md', map)).toEqual(['sig-architecture']);
    expect(selectSigsForPath('docs/concepts/services-networking-extra/x.md', map)).toEqual([]);
  });
});
