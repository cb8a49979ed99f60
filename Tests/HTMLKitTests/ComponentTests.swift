import Foundation
import Testing

@testable import HTMLKit

@Suite("Status badges, progress line, timeline, table column classes, stylesheet tokens")
struct ComponentTests {
    @Test(arguments: StatusBadge.Tone.allCases)
    func badgeCarriesItsToneAndEscapesItsLabel(tone: StatusBadge.Tone) {
        #expect(
            StatusBadge("In <repair>", tone: tone).html.rendered
                == "<span class=\"badge badge-\(tone.rawValue)\">In &lt;repair&gt;</span>")
    }

    @Test func everyToneLooksDifferentWithoutColour() {
        // Greyscale: each tone must differ from the others in a rule that is not a colour (border style,
        // weight, mark, decoration), so the stylesheet's rule for each tone is compared without colours.
        let shapes = StatusBadge.Tone.allCases.map { tone -> String in
            let rules = Stylesheet.css.split(separator: "\n").filter {
                $0.contains(".badge-\(tone.rawValue) ") || $0.contains(".badge-\(tone.rawValue)::")
            }
            return rules.joined().split(separator: ";").filter { declaration in
                ["dashed", "font-weight", "content", "line-through", "2px"].contains { declaration.contains($0) }
            }.joined(separator: ";")
        }
        #expect(Set(shapes).count == StatusBadge.Tone.allCases.count, "\(shapes)")
    }

    @Test func progressLineMarksDoneCurrentAndLater() {
        let line = ProgressLine(milestones: ["Received", "In repair", "Resolved"], currentIndex: 1).html.rendered
        #expect(
            line == "<ol class=\"progress\"><li class=\"done\">Received</li>"
                + "<li class=\"current\" aria-current=\"step\">In repair</li><li>Resolved</li></ol>")
    }

    @Test func progressLineBeforeTheFirstAndPastTheLastMilestone() {
        let none = ProgressLine(milestones: ["A", "B"], currentIndex: nil).html.rendered
        #expect(none == "<ol class=\"progress\"><li>A</li><li>B</li></ol>")
        let all = ProgressLine(milestones: ["A", "B"], currentIndex: 2).html.rendered
        #expect(all == "<ol class=\"progress\"><li class=\"done\">A</li><li class=\"done\">B</li></ol>")
        let paused = ProgressLine(milestones: ["A"], currentIndex: 0, isPaused: true).html.rendered
        #expect(paused.hasPrefix("<ol class=\"progress paused\">"))
    }

    @Test func timelineShowsEntriesOrItsEmptyMessage() {
        let entries = [
            Timeline.Entry(time: "2026-11-02 10:00 UTC", title: "<b>Received</b>", detail: .text("a <note>")),
            Timeline.Entry(time: "2026-11-01 09:00 UTC", title: "Note", isMilestone: false),
        ]
        let html = Timeline(entries, emptyMessage: "Nothing yet.").html.rendered
        #expect(html.hasPrefix("<ol class=\"timeline\"><li class=\"milestone\"><span class=\"when\">2026-11-02 10:00 UTC</span>"))
        #expect(html.contains("<div class=\"what\"><b>Received</b></div><p class=\"detail\">a &lt;note&gt;</p></li>"))
        #expect(html.contains("<li><span class=\"when\">2026-11-01 09:00 UTC</span><div class=\"what\">Note</div></li>"))
        #expect(Timeline([], emptyMessage: "Nothing yet.").html.rendered == "<p class=\"empty\">Nothing yet.</p>")
    }

    @Test func tableColumnClassesAndBlankCells() {
        let table = Table(columns: ["Number", "Count", "Note", "Actions"], rows: [["RS-1", "3", "long", ""]])
            .nowrap(0).numeric(1).wide(2).nowrap(2)
        let html = table.html.rendered
        #expect(html.contains("<th scope=\"col\" class=\"nowrap\">Number</th><th scope=\"col\" class=\"number\">Count</th>"))
        #expect(html.contains("<td data-label=\"Number\" class=\"nowrap\">RS-1</td>"))
        #expect(html.contains("<td data-label=\"Count\" class=\"number\">3</td>"))
        #expect(html.contains("<td data-label=\"Note\" class=\"wide nowrap\">long</td>"))
        // An empty cell is marked so a phone's card hides its label.
        #expect(html.contains("<td data-label=\"Actions\" class=\"blank\"></td>"))
    }

    @Test func successFlashIsAStatus() {
        #expect(Flash(.success, "Saved").html.rendered == "<p class=\"flash flash-success\" role=\"status\">Saved</p>")
    }

    @Test func accentIsOneCustomPropertyAndEveryInputTypeIsStyled() {
        let css = Stylesheet.css
        // Only the token defines the accent's value; everything else refers to it.
        #expect(css.components(separatedBy: "#1f5fbf").count == 2)
        for type in ["text", "email", "tel", "url", "number", "date", "password", "file", "checkbox", "radio"] {
            #expect(css.contains("input[type=\"\(type)\"]"), "input type \(type) has no rule")
        }
        for selector in ["select", "textarea", "button.secondary", "button.danger", ".flash-success", ".flash-error", ".card"] {
            #expect(css.contains(selector), "\(selector) has no rule")
        }
    }
}
