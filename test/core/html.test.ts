import { describe, expect, it } from 'vitest';
import { html, joinHtml } from '../../core/html.js';

describe('markup as a type (core/html.ts)', () => {
  it('escapes what a member typed and passes markup through', () => {
    const typed = '<b>Lan</b> & "Hùng"';
    expect(html`<i>${typed}</i>`.value).toBe('<i>&lt;b&gt;Lan&lt;/b&gt; &amp; &quot;Hùng&quot;</i>');
    expect(html`<i>${html`<b>${typed}</b>`}</i>`.value).toBe(
      '<i><b>&lt;b&gt;Lan&lt;/b&gt; &amp; &quot;Hùng&quot;</b></i>',
    );
    expect(joinHtml([typed, html`<b>x</b>`]).value).toBe(
      '&lt;b&gt;Lan&lt;/b&gt; &amp; &quot;Hùng&quot;\n<b>x</b>',
    );
  });

  it('throws when markup is turned into a string by accident, which would lose the escaping rule', () => {
    const markup = html`<b>${'Nguyễn Thị Lan'}</b>`;
    expect(() => `Xin chào ${markup}`).toThrow(TypeError);
    expect(() => String(markup)).toThrow(/Html used as a string/);
    expect(() => ['Xin chào', markup].join(' ')).toThrow(/Html used as a string/);
  });
});
