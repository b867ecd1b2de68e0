/**
 * Pure: Hugo shortcodes rendered to what a reader of kubernetes.io sees. A shortcode this
 * module does not know is removed with its delimiters (its inner text, if paired, stays) and
 * counted, so the build report shows which ones the site uses that we cannot render.
 */

export interface ShortcodeContext {
  /** Glossary term id → its title and short description. */
  terms: ReadonlyMap<string, { title: string; shortDescription: string }>;
}

export interface RenderedShortcodes {
  text: string;
  /** Unknown shortcode name → how many times it was removed. */
  unknown: Record<string, number>;
}

interface Tag {
  kind: 'open' | 'close';
  name: string;
  args: Args;
  start: number;
  end: number;
}

interface Args {
  positional: string[];
  named: Record<string, string>;
}

const TAG = /\{\{([<%])\s*(\/?)\s*([\w-]+)((?:[^"'>%}]|"(?:\\.|[^"\\])*"|'[^']*'|`[^`]*`|[>%](?!\}\}))*?)\s*\/?\s*([>%])\}\}/g;
const ARG = /([\w-]+)\s*=\s*(?:"((?:\\.|[^"\\])*)"|'([^']*)'|`([^`]*)`|(\S+))|"((?:\\.|[^"\\])*)"|'([^']*)'|`([^`]*)`|(\S+)/g;

/** Paired shortcodes whose inner text is shown as it is. */
const WRAPPERS = new Set(['note', 'caution', 'warning', 'capture', 'table', 'alert', 'details', 'highlight', 'tabs', 'callout', 'blocks/section', 'pageinfo']);
/** Paired shortcodes whose inner text a reader never sees as prose. */
const HIDDEN = new Set(['comment']);
/** Paired shortcodes whose content is a diagram source, kept as a code block. */
const DIAGRAMS = new Set(['mermaid']);
/** Tags that render to nothing a passage should carry (navigation, embeds, disclaimers). */
const DROPPED = new Set(['toc', 'thirdparty-content', 'youtube', 'docs/thirdparty-content', 'version-check', 'include', 'glossary_injector', 'api-reference', 'feature-gate-description', 'blog-toc', 'image', 'figure']);

/** Section headings the site's `heading` shortcode prints, by key (Japanese site strings). */
const HEADINGS_JA: Record<string, string> = {
  whatsnext: '次の項目',
  prerequisites: '始める前に',
  objectives: '目標',
  cleanup: 'クリーンアップ',
  synopsis: '概要',
  seealso: '関連項目',
  options: 'オプション',
};

export function parseArgs(text: string): Args {
  const args: Args = { positional: [], named: {} };
  for (const m of text.matchAll(ARG)) {
    if (m[1] !== undefined) args.named[m[1]] = unescape(m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
    else args.positional.push(unescape(m[6] ?? m[7] ?? m[8] ?? m[9] ?? ''));
  }
  return args;
}

function unescape(value: string): string {
  return value.replace(/\\(["\\])/g, '$1');
}

function findTags(text: string): Tag[] {
  return [...text.matchAll(TAG)].map((m) => ({
    kind: m[2] === '/' ? 'close' : 'open',
    name: m[3]!,
    args: parseArgs(m[4] ?? ''),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export function renderShortcodes(text: string, context: ShortcodeContext): RenderedShortcodes {
  const tags = findTags(text);
  const unknown: Record<string, number> = {};
  const count = (name: string): void => {
    unknown[name] = (unknown[name] ?? 0) + 1;
  };
  // For each opening tag, the index of its closing tag (nearest unmatched closer of that name).
  const closer = new Map<number, number>();
  const stack: number[] = [];
  tags.forEach((tag, i) => {
    if (tag.kind === 'open') stack.push(i);
    else {
      for (let j = stack.length - 1; j >= 0; j--) {
        if (tags[stack[j]!]!.name === tag.name) {
          closer.set(stack[j]!, i);
          stack.length = j;
          break;
        }
      }
    }
  });

  const render = (from: number, to: number, pos: number, end: number): string => {
    let out = '';
    for (let i = from; i < to; i++) {
      const tag = tags[i]!;
      if (tag.start < pos) continue;
      out += text.slice(pos, tag.start);
      const close = closer.get(i);
      const inner = close !== undefined ? render(i + 1, close, tag.end, tags[close]!.start) : '';
      pos = close !== undefined ? tags[close]!.end : tag.end;
      if (close !== undefined) i = close;
      if (tag.kind === 'close') {
        // A stray closer (its opener was never written) renders to nothing.
        if (!isKnown(tag.name)) count(tag.name);
        continue;
      }
      out += renderTag(tag, inner, close !== undefined, context, count);
    }
    return out + text.slice(pos, end);
  };
  return { text: render(0, tags.length, 0, text.length), unknown };
}

function isKnown(name: string): boolean {
  return WRAPPERS.has(name) || HIDDEN.has(name) || DIAGRAMS.has(name) || DROPPED.has(name) || INLINE.has(name) || name === 'tab';
}

const INLINE = new Set(['glossary_tooltip', 'glossary_definition', 'feature-state', 'code_sample', 'codenew', 'code', 'heading', 'param', 'skew', 'latest-version', 'latest-semver', 'link']);

function renderTag(tag: Tag, inner: string, paired: boolean, { terms }: ShortcodeContext, count: (name: string) => void): string {
  const { named, positional } = tag.args;
  switch (tag.name) {
    case 'glossary_tooltip': {
      const id = named.term_id ?? '';
      return named.text ?? terms.get(id)?.title ?? id;
    }
    case 'glossary_definition': {
      const term = terms.get(named.term_id ?? '');
      return term ? `${term.title}: ${term.shortDescription}` : '';
    }
    case 'feature-state': {
      const version = named.for_k8s_version ?? named.for_kubernetes_version;
      const state = named.state ?? (named.feature_gate_name ? `feature gate ${named.feature_gate_name}` : '');
      return `\n\nFEATURE STATE: ${['Kubernetes', version, state && `[${state}]`].filter(Boolean).join(' ')}\n\n`;
    }
    case 'tab':
      return `\n\n${named.name ?? positional[0] ?? ''}:\n\n${inner.trim()}\n\n`;
    case 'code_sample':
    case 'codenew':
    case 'code': {
      const file = named.file ?? positional[0] ?? '';
      return file ? `\n\n${file}\n\n` : '';
    }
    case 'heading': {
      const key = positional[0] ?? '';
      return HEADINGS_JA[key] ?? key;
    }
    case 'param':
    case 'skew':
    case 'latest-version':
    case 'latest-semver':
    case 'link':
      // Site parameters (the current version): the value is not in the content tree.
      return '';
  }
  if (WRAPPERS.has(tag.name)) return paired ? `\n\n${inner.trim()}\n\n` : '';
  if (HIDDEN.has(tag.name)) return '';
  if (DIAGRAMS.has(tag.name)) return paired ? `\n\n\`\`\`${tag.name}\n${inner.trim()}\n\`\`\`\n\n` : '';
  if (DROPPED.has(tag.name)) return tag.name === 'figure' || tag.name === 'image' ? (named.caption ?? named.alt ?? '') : '';
  count(tag.name);
  return inner;
}
