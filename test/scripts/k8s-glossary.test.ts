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

  it('adds the English original’s title (and its gloss) and aka, and leaves disambiguation notes out', () => {
    expect(buildGlossaryEntry({ file: 'api-eviction.md', id: 'api-eviction', title: 'APIを起点とした退避', english: { title: 'API-initiated eviction', aka: [] } })).toEqual(['api eviction', 'api-initiated eviction', 'APIを起点とした退避']);
    expect(buildGlossaryEntry({ file: 'cri.md', id: 'cri', title: 'コンテナランタイムインターフェース(CRI)', english: { title: 'Container runtime interface (CRI)' } })).toEqual(['cri', 'container runtime interface', 'コンテナランタイムインターフェース']);
    expect(buildGlossaryEntry({ file: 'developer.md', id: 'developer', title: '開発者 (曖昧さ回避)', english: { title: 'Developer (disambiguation)' } })).toEqual(['developer', '開発者']);
  });

  it('takes no phrase cut at a は inside it for the defined term', () => {
    expect(buildGlossaryEntry({ file: 'job.md', id: 'job', title: 'Job', short_description: '完了まで実行される有限またはバッチ処理のタスク。' })).toBeUndefined();
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
