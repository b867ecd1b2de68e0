import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/sync/extract-article.js';
import { articleHtml } from '../support/feed-server.js';

const LONG = 'この段落はReadabilityが本文と判断できるだけの長さを持つ日本語の文章です。Kubernetesのノードについて説明します。';

describe('extractArticle', () => {
  it('keeps headings, lists, links, tables and code blocks with their language', () => {
    const html = articleHtml(
      'T',
      `<p>${LONG}</p><h2>設定</h2><ol><li>一つ目</li><li>二つ目</li></ol><p><a href="../other/">相対リンク</a>と<a href="javascript:steal()">危険なリンク</a></p>
      <table><thead><tr><th>名前</th><th>値</th></tr></thead><tbody><tr><td>replicas</td><td>3</td></tr></tbody></table>
      <div class="highlight"><pre class="chroma"><code class="language-shell" data-lang="shell">kubectl get pods</code></pre></div>
      <pre><code>no language</code></pre><p>${LONG}</p>`,
    );
    const md = extractArticle(html, 'https://blog.example/posts/a/')!.markdown;
    expect(md).toContain('## 設定');
    expect(md).toMatch(/1\. +一つ目/);
    expect(md).toContain('[相対リンク](https://blog.example/posts/other/)');
    expect(md).toContain('危険なリンク');
    expect(md).not.toContain('javascript:');
    expect(md).toMatch(/\| 名前 +\| 値 +\|/);
    expect(md).toContain('```shell\nkubectl get pods\n```');
    expect(md).toContain('```\nno language\n```');
  });

  it('drops scripts, styles, frames, forms and event handlers wherever they are', () => {
    const html = articleHtml('T', `<p>${LONG}</p><p onclick="evil()">クリック<noscript>NOSCRIPT</noscript></p><object data="x.swf">OBJECT</object><template>TEMPLATE</template><form><textarea>TEXTAREA</textarea><select><option>OPTION</option></select></form><p>${LONG}<script>SCRIPT</script><style>STYLE</style><iframe srcdoc="IFRAME"></iframe></p>`);
    const md = extractArticle(html, 'https://blog.example/a')!.markdown;
    for (const marker of ['NOSCRIPT', 'OBJECT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'SCRIPT', 'STYLE', 'IFRAME', 'evil', 'onclick', '<']) expect(md).not.toContain(marker);
    expect(md).toContain('クリック');
  });

  it('finds nothing on a page without article text', () => {
    expect(extractArticle('<html><body><nav><a href="/very/long/link/target/that/is/not/text">home</a></nav><script>x()</script></body></html>', 'https://a.example/')).toBeUndefined();
    expect(extractArticle('', 'https://a.example/')).toBeUndefined();
  });
});
