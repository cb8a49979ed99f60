/// The wizard's progress line ("1 Device · 2 Questions · 3 Summary · 4 Approve"), done steps as links
/// so going back is one tap; the current step is marked with `aria-current="step"`.
public struct StepIndicator: Sendable, Equatable {
    /// One step: its title and where it lives.
    public struct Step: Sendable, Equatable {
        /// What the step is called.
        public var title: String
        /// The step's page.
        public var path: String

        /// A step titled `title` at `path`.
        public init(_ title: String, path: String) {
            self.title = title
            self.path = path
        }
    }

    /// All steps in order.
    public var steps: [Step]
    /// Index of the step being shown.
    public var currentIndex: Int

    /// The indicator's name for screen readers, in the page's language.
    public var label = "Progress"

    /// Steps with `currentIndex` the one shown, named `label`; earlier steps link back, later ones do not link.
    public init(steps: [Step], currentIndex: Int, label: String = "Progress") {
        self.label = label
        self.steps = steps
        self.currentIndex = currentIndex
    }

    /// The indicator as an ordered list.
    public var html: HTML {
        let items = steps.enumerated().map { index, step -> HTML in
            if index < currentIndex {
                return "<li class=\"done\"><a href=\"\(HTML.safeURL(step.path))\">\(step.title)</a></li>"
            } else if index == currentIndex {
                return "<li class=\"current\" aria-current=\"step\">\(step.title)</li>"
            } else {
                return "<li>\(step.title)</li>"
            }
        }
        return "<nav aria-label=\"\(label)\"><ol class=\"steps\">\(items)</ol></nav>"
    }
}
