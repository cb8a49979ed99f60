import Testing

@testable import HTMLKit

@Suite("HTML escaping and the interpolation type")
struct HTMLTests {
    @Test(arguments: [
        ("<script>", "&lt;script&gt;"),
        ("a & b", "a &amp; b"),
        ("\"quoted\"", "&quot;quoted&quot;"),
        ("it's", "it&#39;s"),
        ("<>&\"'", "&lt;&gt;&amp;&quot;&#39;"),
        ("plain text", "plain text"),
        ("zażółć", "zażółć"),
        ("&amp;", "&amp;amp;"),
        ("nul\u{0}byte", "nul\u{FFFD}byte"),
        ("", ""),
    ])
    func attributeEscaping(input: String, expected: String) {
        #expect(HTML.escapeAttribute(input) == expected)
    }

    @Test func textEscapingLeavesQuotes() {
        #expect(HTML.escapeText("<b>\"it's\" & co</b>") == "&lt;b&gt;\"it's\" &amp; co&lt;/b&gt;")
    }

    @Test func interpolationEscapesByDefault() {
        let name = "<img src=x onerror=alert(1)>"
        let html: HTML = "<p title=\"\(name)\">\(name)</p>"
        #expect(
            html.rendered == "<p title=\"&lt;img src=x onerror=alert(1)&gt;\">&lt;img src=x onerror=alert(1)&gt;</p>")
        #expect(!html.rendered.contains("<img"))
    }

    @Test func attributeBreakoutIsEscaped() {
        let value = "\" onmouseover=\"alert(1)"
        let html: HTML = "<input value=\"\(value)\">"
        #expect(html.rendered == "<input value=\"&quot; onmouseover=&quot;alert(1)\">")
    }

    @Test func nestedHTMLIsNotEscapedTwice() {
        let inner: HTML = "<em>\("a<b")</em>"
        let outer: HTML = "<p>\(inner) \([inner, inner])</p>"
        #expect(outer.rendered == "<p><em>a&lt;b</em> <em>a&lt;b</em><em>a&lt;b</em></p>")
    }

    @Test func rawAndNumbersAndOptionals() {
        let missing: String? = nil
        let html: HTML = "\(raw: "<hr>")\(42)\(missing)\(Optional("<x>"))"
        #expect(html.rendered == "<hr>42&lt;x&gt;")
        #expect(HTML.text("<b>").rendered == "&lt;b&gt;")
        #expect(HTML.joined([HTML(raw: "<a>"), HTML(raw: "<b>")], separator: ", ").rendered == "<a>, <b>")
        #expect(HTML.empty.isEmpty)
    }

    @Test(arguments: [
        ("/orders/RS-1", "/orders/RS-1"),
        ("#main", "#main"),
        ("?page=2", "?page=2"),
        ("https://example.com/", "https://example.com/"),
        ("HTTP://EXAMPLE.COM", "HTTP://EXAMPLE.COM"),
        ("mailto:shop@example.com", "mailto:shop@example.com"),
        ("javascript:alert(1)", "#"),
        ("JavaScript:alert(1)", "#"),
        ("data:text/html,<b>x</b>", "#"),
        ("//evil.example/", "#"),
        ("vbscript:x", "#"),
        ("", "#"),
    ])
    func safeURL(input: String, expected: String) {
        #expect(HTML.safeURL(input) == expected)
    }

    @Test func tableLabelsCellsAndEscapes() {
        let table = Table(
            columns: ["Number", "Device"],
            rows: [["\("RS-1")", "\("<Phone>")"]],
            caption: "My orders")
        let html = table.html.rendered
        #expect(html.contains("<caption>My orders</caption>"))
        #expect(html.contains("<th scope=\"col\">Number</th>"))
        #expect(html.contains("<td data-label=\"Device\">&lt;Phone&gt;</td>"))
        #expect(
            Table(columns: ["A"], rows: [], emptyMessage: "No orders.").html.rendered
                == "<p class=\"empty\">No orders.</p>")
    }

    @Test func stylesheetIsMobileFriendlyAndSelfContained() {
        #expect(Stylesheet.css.contains("@media (max-width: 40rem)"))
        #expect(Stylesheet.css.contains("attr(data-label)"))
        #expect(!Stylesheet.css.contains("@import"))
        #expect(!Stylesheet.css.contains("url("))
    }
}
