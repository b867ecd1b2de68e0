import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGlossaryEntry, slugWords } from '../../scripts/glossary/k8s-glossary.js';
import { parseGlossary } from '../../src/text/glossary.js';
import { K8S_GLOSSARY_FILE } from '../../src/text/glossary.js';
import { analyse, CONCEPT_PREFIX } from '../../src/text/analyse.js';

describe('scripts/glossary/k8s-glossary', () => {
  it('joins the English slug, the self-glossed Japanese title and its gloss', () => {
    expect(buildGlossaryEntry({ file: 'eviction.md', id: 'eviction', title: '退避 (Eviction)' })).toEqual(['eviction', '退避']);
  });

  it('takes the term a Japanese definition opens with, and acronym akas', () => {
    const entry = buildGlossaryEntry({ file: 'horizontal-pod-autoscaler.md', id: 'horizontal-pod-autoscaler', title: 'Horizontal Pod Autoscaler', aka: ['HPA'], short_description: '水平Pod自動スケーラーは、Podのレプリカ数をスケーリングするAPIリソースです。' });
    expect(entry).toEqual(['horizontal pod autoscaler', 'hpa', '水平Pod自動スケーラー']);
  });

  it('leaves out a one-word aka that names a broader idea, and terms with no Japanese name', () => {
    expect(buildGlossaryEntry({ file: 'api-resource.md', id: 'api-resource', title: 'APIリソース', aka: ['Resource'] })).toEqual(['api resource', 'APIリソース']);
    expect(buildGlossaryEntry({ file: 'secret.md', id: 'secret', title: 'Secret' })).toBeUndefined();
  });

  it('reads CamelCase ids and run-together slugs as words', () => {
    expect(slugWords('CustomResourceDefinition')).toBe('custom resource definition');
    expect(slugWords('dynamic-volume-provisioning.md')).toBe('dynamic volume provisioning');
  });

  it('ships a generated glossary that the analyser uses: an English term finds its Japanese name', () => {
    const entries = parseGlossary(readFileSync(K8S_GLOSSARY_FILE, 'utf8'));
    expect(entries.length).toBeGreaterThan(40);
    const concepts = (text: string): string[] => analyse(text).filter((t) => t.kind === 'concept').map((t) => t.term);
    expect(concepts('garbage collection')).toContain(`${CONCEPT_PREFIX}garbage-collection`);
    expect(concepts('ガベージコレクション')).toContain(`${CONCEPT_PREFIX}garbage-collection`);
  });
});
