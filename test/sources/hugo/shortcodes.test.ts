import { describe, expect, it } from 'vitest';
import { renderShortcodes } from '../../../src/sources/hugo/shortcodes.js';

const terms = new Map([['pod', { title: 'Pod', shortDescription: 'コンテナの集合。' }]]);
const render = (text: string) => renderShortcodes(text, { terms });
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('renderShortcodes', () => {
  it('renders glossary_tooltip as its text, else the term title, else its id', () => {
    expect(render('{{< glossary_tooltip text="コンテナ" term_id="container" >}}と{{< glossary_tooltip term_id="pod" >}}と{{< glossary_tooltip term_id="node" >}}').text).toBe('コンテナとPodとnode');
  });

  it('keeps the content of note, caution and warning, and of capture wrappers, without their delimiters', () => {
    const { text, unknown } = render('{{< note >}}注1{{< /note >}} {{< caution >}}注2{{< /caution >}} {{< warning >}}注3{{< /warning >}} {{% capture overview %}}概要{{% /capture %}}');
    expect(squash(text)).toBe('注1 注2 注3 概要');
    expect(unknown).toEqual({});
  });

  it('renders feature-state as the state and version', () => {
    expect(squash(render('{{< feature-state for_k8s_version="v1.29" state="beta" >}}').text)).toBe('FEATURE STATE: Kubernetes v1.29 [beta]');
  });

  it('renders each tab content under its name', () => {
    const text = render('{{< tabs name="x" >}}\n{{% tab name="Linux" %}}\nlinux側\n{{% /tab %}}\n{{% tab name="Windows" %}}\nwindows側\n{{% /tab %}}\n{{< /tabs >}}').text;
    expect(squash(text)).toBe('Linux: linux側 Windows: windows側');
  });

  it('renders code_sample and codenew as a line naming the file', () => {
    expect(squash(render('{{% code_sample language="yaml" file="pods/simple-pod.yaml" %}}').text)).toBe('pods/simple-pod.yaml');
    expect(squash(render('{{< codenew file="service/simple-service.yaml" >}}').text)).toBe('service/simple-service.yaml');
  });

  it('removes an unknown shortcode with its delimiters, keeps its inner text, and counts it', () => {
    const { text, unknown } = render('前{{< mystery a="b" >}}中{{< /mystery >}}後{{% other %}}');
    expect(text).toBe('前中後');
    expect(unknown).toEqual({ mystery: 1, other: 1 });
  });

  it('never leaves a delimiter behind, nested or multi-line', () => {
    const text = render('{{< note >}}\n{{< glossary_tooltip\n  text="Pod" term_id="pod" >}}の{{< feature-state state="stable" for_k8s_version="v1.30" >}}\n{{< /note >}}\n{{< comment >}}訳注: 非表示{{< /comment >}}').text;
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).not.toContain('訳注');
    expect(text).toContain('Podの');
  });
});
