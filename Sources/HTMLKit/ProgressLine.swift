/// A line through an order's milestones ("Received → In repair → Resolved → Shipped"): milestones before
/// the current one are ticked, the current one is ringed (double-ringed when paused), later ones dashed.
public struct ProgressLine: Sendable, Equatable {
    /// The milestones' names, already translated, in order.
    public var milestones: [String]
    /// The index of the milestone reached last; nil when none is reached yet, `milestones.count` when all are.
    public var currentIndex: Int?
    /// True when work stands still at the current milestone (waiting for the customer, on hold).
    public var isPaused: Bool

    /// A line through `milestones` standing at `currentIndex`.
    public init(milestones: [String], currentIndex: Int?, isPaused: Bool = false) {
        self.milestones = milestones
        self.currentIndex = currentIndex
        self.isPaused = isPaused
    }

    /// The line as an ordered list; the current milestone carries `aria-current="step"`.
    public var html: HTML {
        let items = milestones.enumerated().map { index, name -> HTML in
            guard let currentIndex else { return "<li>\(name)</li>" }
            if index < currentIndex { return "<li class=\"done\">\(name)</li>" }
            if index == currentIndex { return "<li class=\"current\" aria-current=\"step\">\(name)</li>" }
            return "<li>\(name)</li>"
        }
        let classes = isPaused ? "progress paused" : "progress"
        return "<ol class=\"\(classes)\">\(HTML.joined(items))</ol>"
    }
}
