import Testing

@testable import HTMLKit

@Suite("Page layout")
struct LayoutTests {
    @Test func pageHasTheEssentials() {
        let layout = Layout(links: [
            NavigationLink("Orders", path: "/orders", isCurrent: true), NavigationLink("Track", path: "/track"),
        ])
        let html = layout.render(title: "My <orders>", content: "<p>hello</p>").rendered
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<title>My &lt;orders&gt; · repairshop</title>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/static/style.css\">"))
        #expect(html.contains("<a href=\"/orders\" aria-current=\"page\">Orders</a>"))
        #expect(html.contains("<a href=\"/track\">Track</a>"))
        #expect(html.contains("<main id=\"main\">\n<h1>My &lt;orders&gt;</h1>"))
        #expect(html.contains("<p>hello</p>"))
        #expect(html.contains("<footer"))
        #expect(!html.contains("<script"))
    }

    @Test func anonymousVisitorSeesSignIn() {
        let html = Layout().render(title: "Track", content: .empty).rendered
        #expect(html.contains("<a href=\"/login\">Sign in</a>"))
        #expect(!html.contains("Sign out"))
    }

    @Test func signedInUserSeesNameAndSignOutForm() {
        let layout = Layout(userName: "Anna <Nowak>", csrfToken: "tok")
        let html = layout.render(title: "Orders", content: .empty).rendered
        #expect(html.contains("<span class=\"user-name\">Anna &lt;Nowak&gt;</span>"))
        #expect(html.contains("<form class=\"sign-out\" method=\"post\" action=\"/logout\">"))
        #expect(html.contains("name=\"csrf_token\" value=\"tok\""))
        #expect(!html.contains("Sign in"))
    }

    @Test func flashMessages() {
        let notice = Layout().render(title: "T", flash: Flash(.notice, "Order <approved>"), content: .empty).rendered
        #expect(notice.contains("<p class=\"flash flash-notice\" role=\"status\">Order &lt;approved&gt;</p>"))
        let error = Layout().render(title: "T", flash: Flash(.error, "Wrong password"), content: .empty).rendered
        #expect(error.contains("<p class=\"flash flash-error\" role=\"alert\">Wrong password</p>"))
        #expect(!Layout().render(title: "T", content: .empty).rendered.contains("flash"))
    }

    @Test func hostileLinksAreNeutralised() {
        let layout = Layout(links: [NavigationLink("x\" onclick=\"y", path: "javascript:alert(1)")])
        let html = layout.render(title: "T", content: .empty).rendered
        #expect(html.contains("<a href=\"#\">x&quot; onclick=&quot;y</a>"))
        #expect(!html.contains("javascript:"))
    }
}

extension LayoutTests {
    @Test func stepIndicatorLinksBackOnly() {
        let steps = StepIndicator(
            steps: [
                .init("Device", path: "/orders/1/intake"), .init("Questions", path: "/orders/1/questions"),
                .init("Summary", path: "/orders/1/summary"), .init("Approve", path: "/orders/1/approve"),
            ],
            currentIndex: 1)
        let html = steps.html.rendered
        #expect(html.contains("<li class=\"done\"><a href=\"/orders/1/intake\">Device</a></li>"))
        #expect(html.contains("<li class=\"current\" aria-current=\"step\">Questions</li>"))
        #expect(html.contains("<li>Summary</li>"))
        #expect(!html.contains("/orders/1/summary"))
    }

    @Test func summaryListEscapesAndDashesEmptyValues() {
        let list = SummaryList([
            .init("Device", text: "Phone <X>"), .init("Serial", text: nil), .init("Note", text: ""),
            .init("Link", "<a href=\"/t/abc\">open</a>"),
        ])
        let html = list.html.rendered
        #expect(html.contains("<dt>Device</dt><dd>Phone &lt;X&gt;</dd>"))
        #expect(html.contains("<dt>Serial</dt><dd>—</dd>"))
        #expect(html.contains("<dt>Note</dt><dd>—</dd>"))
        #expect(html.contains("<dd><a href=\"/t/abc\">open</a></dd>"))
        #expect(html.hasPrefix("<dl class=\"summary\">"))
    }
}
