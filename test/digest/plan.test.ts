import { describe, expect, it } from 'vitest';
import { parseChannelMap } from '../../src/corpus/channels.js';
import {
  buildBaselineState,
  buildPlannedState,
  buildRecoveredState,
  dropDeliveries,
  markDelivered,
  selectDueDeliveries,
  selectNewArticles,
  selectSigChannelNames,
} from '../../src/digest/plan.js';
import { buildMeta } from './support.js';

const NOW = new Date('2024-07-01T00:00:00Z');
const LATER = new Date('2024-07-02T00:00:00Z');
const DIGEST = { id: 'CDIGEST01', name: 'k8s-articles' };
const NODE = { id: 'CNODE0001', name: 'sig-node' };

const old = buildMeta({ id: 'old', date: '2024-01-01' });
const recent = buildMeta({ id: 'recent', date: '2024-06-20', sigs: ['sig-node'] });
const added = buildMeta({ id: 'added', date: '2024-06-25' });

describe('digest/plan', () => {
  describe('buildBaselineState', () => {
    it('takes every article as known when there is no --since', () => {
      const state = buildBaselineState([old, recent], { now: NOW });
      expect(Object.keys(state.articles).sort()).toEqual(['old', 'recent']);
      expect(selectNewArticles([old, recent], state)).toEqual([]);
    });

    it('leaves the articles dated from --since new', () => {
      const state = buildBaselineState([old, recent], { since: '2024-06-20', now: NOW });
      expect(selectNewArticles([old, recent], state).map((a) => a.id)).toEqual(['recent']);
    });
  });

  describe('buildRecoveredState', () => {
    it('records the articles found in earlier digests as announced and takes the rest as known', () => {
      const state = buildRecoveredState([old, recent, added], new Map([['recent', '1.000001']]), DIGEST, { now: NOW });
      expect(state.articles.recent).toMatchObject({ origin: 'recovered', deliveries: { CDIGEST01: { ts: '1.000001' } } });
      expect(state.articles.old?.origin).toBe('baseline');
      expect(state.articles.added?.origin).toBe('baseline');
      expect(selectNewArticles([old, recent, added], state)).toEqual([]);
    });

    it('announces the unnamed articles dated from --since, never the named ones', () => {
      const state = buildRecoveredState([old, recent, added], new Map([['recent', '1.000001']]), DIGEST, { since: '2024-06-01', now: NOW });
      expect(selectNewArticles([old, recent, added], state).map((a) => a.id)).toEqual(['added']);
    });
  });

  describe('selectDueDeliveries', () => {
    const planned = buildPlannedState(buildBaselineState([old], { now: NOW }), [recent, added], (a) => (a.sigs.includes('sig-node') ? [DIGEST, NODE] : [DIGEST]), LATER);

    it('returns each channel with its articles, the digest channel first, newest article first', () => {
      const { due } = selectDueDeliveries(planned, [old, recent, added], DIGEST.id);
      expect(due.map((d) => [d.channel.name, d.articles.map((a) => a.id)])).toEqual([
        ['k8s-articles', ['added', 'recent']],
        ['sig-node', ['recent']],
      ]);
      expect(due[0]?.plannedSince).toBe(LATER.toISOString());
    });

    it('drops what was delivered and keeps the missing channel due after a partial run', () => {
      const state = markDelivered(planned, DIGEST.id, ['added', 'recent'], '2.000001');
      const { due } = selectDueDeliveries(state, [old, recent, added], DIGEST.id);
      expect(due.map((d) => [d.channel.name, d.articles.map((a) => a.id)])).toEqual([['sig-node', ['recent']]]);
      expect(selectDueDeliveries(markDelivered(state, NODE.id, ['recent'], '3.000001'), [old, recent, added]).due).toEqual([]);
    });

    it('keeps an article that left the corpus waiting instead of posting it', () => {
      const { due, waiting } = selectDueDeliveries(planned, [old, recent], DIGEST.id);
      expect(waiting).toEqual(['added']);
      expect(due[0]?.articles.map((a) => a.id)).toEqual(['recent']);
    });
  });

  describe('markDelivered', () => {
    it('never overwrites the ts of a delivery already recorded', () => {
      const planned = buildPlannedState(buildBaselineState([], { now: NOW }), [added], () => [DIGEST], NOW);
      const once = markDelivered(planned, DIGEST.id, ['added'], '1.1');
      expect(markDelivered(once, DIGEST.id, ['added'], '9.9').articles.added?.deliveries[DIGEST.id]?.ts).toBe('1.1');
    });
  });

  describe('dropDeliveries', () => {
    it('forgets a due delivery but never one already posted', () => {
      const planned = buildPlannedState(buildBaselineState([], { now: NOW }), [recent, added], () => [DIGEST, NODE], NOW);
      const state = dropDeliveries(markDelivered(planned, NODE.id, ['added'], '1.1'), NODE.id, ['recent', 'added']);
      expect(Object.keys(state.articles.recent!.deliveries)).toEqual([DIGEST.id]);
      expect(state.articles.added?.deliveries[NODE.id]?.ts).toBe('1.1');
    });
  });

  describe('selectSigChannelNames', () => {
    const map = parseChannelMap(
      ['workspace: https://kubernetes.slack.com', 'channels:', '  - { name: sig-node, sigs: [sig-node] }', '  - { name: crio, sigs: [sig-node] }', '  - { name: sig-contribex, sigs: [sig-contributor-experience] }'].join('\n'),
    );

    it('returns the channel named like the SIG, not every channel about it', () => {
      expect(selectSigChannelNames(buildMeta({ id: 'a', sigs: ['sig-node'] }), map)).toEqual(['sig-node']);
    });

    it('falls back to the channel listing the SIG, and returns nothing for unknown SIGs', () => {
      expect(selectSigChannelNames(buildMeta({ id: 'a', sigs: ['sig-contributor-experience', 'sig-unknown'] }), map)).toEqual(['sig-contribex']);
    });
  });
});
