/// A status shown as a badge: its words, and a tone that differs in fill, border and mark as well as in
/// colour, so two tones stay apart in greyscale and for colour-blind readers.
public struct StatusBadge: Sendable, Equatable {
    /// How far along a status is; each tone has its own look (see `Sources/HTMLKit/README.md`).
    public enum Tone: String, Sendable, CaseIterable {
        /// Not started yet: dashed outline, no fill.
        case pending
        /// Being worked on: light accent fill, a dot.
        case active
        /// Waiting on someone or stopped: thick amber border, bold, a pause mark.
        case attention
        /// Done or on its way back: solid dark fill, a tick.
        case done
        /// Finished and filed: plain grey.
        case closed
        /// Abandoned: outline, struck through.
        case cancelled
    }

    /// The status in the reader's words, already translated.
    public var label: String
    /// The look.
    public var tone: Tone

    /// A badge reading `label` in `tone`.
    public init(_ label: String, tone: Tone) {
        self.label = label
        self.tone = tone
    }

    /// The badge as a `<span class="badge badge-<tone>">`.
    public var html: HTML {
        "<span class=\"badge badge-\(tone.rawValue)\">\(label)</span>"
    }
}
