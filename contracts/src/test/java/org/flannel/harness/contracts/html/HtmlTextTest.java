package org.flannel.harness.contracts.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void theFiveSpecialCharactersAreEscaped() {
        assertThat(HtmlText.escape("a<b>&\"'")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;");
        assertThat(HtmlText.escape("<script>alert('x')</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void anythingElseIsKeptAsItIs() {
        assertThat(HtmlText.escape("10.1.16.0/24 · 隧道 ✓")).isEqualTo("10.1.16.0/24 · 隧道 ✓");
        assertThat(HtmlText.escape("")).isEmpty();
        assertThat(HtmlText.escape(null)).isEmpty();
    }

    @Test
    void anEscapedAmpersandIsEscapedAgain() {
        assertThat(HtmlText.escape("&amp;")).isEqualTo("&amp;amp;");
    }
}
