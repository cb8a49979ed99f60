import HTMLKit
import RepairCore

/// The new-order wizard's four steps, and the step indicator for each page.
enum WizardStep: Int, CaseIterable, Sendable {
    case intake
    case questions
    case summary
    case approve

    /// What the step is called in the indicator.
    var title: String {
        switch self {
        case .intake: L("wizard.step.device")
        case .questions: L("wizard.step.questions")
        case .summary: L("wizard.step.summary")
        case .approve: L("wizard.step.approve")
        }
    }

    /// The indicator for this step; before a draft exists (`number` nil) no step links anywhere else.
    func indicator(for number: OrderNumber?) -> StepIndicator {
        let steps = Self.allCases.map { step -> StepIndicator.Step in
            guard let number else { return .init(step.title, path: "/orders/new") }
            let suffix =
                switch step {
                case .intake: "/intake"
                case .questions: "/questions"
                // Approval is a button on the summary, so its step points there too.
                case .summary, .approve: "/summary"
                }
            return .init(step.title, path: OrderPageFormat.path(number, suffix))
        }
        return StepIndicator(steps: steps, currentIndex: rawValue, label: L("wizard.progress"))
    }

    /// Where a draft should resume: the questions while a required one is unanswered, else the summary.
    static func resumePath(for order: ServiceOrder, catalogue: Catalogue) -> String {
        resumePath(for: order.number, isMissingAnswers: !order.missingAnswers(tasks: catalogue.tasks).isEmpty)
    }

    /// Where the draft `number` should resume, given whether a required answer is still missing.
    static func resumePath(for number: OrderNumber, isMissingAnswers: Bool) -> String {
        OrderPageFormat.path(number, isMissingAnswers ? "/questions" : "/summary")
    }
}
