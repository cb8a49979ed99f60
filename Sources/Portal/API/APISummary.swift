import Localization
import RepairCore

/// Step 3: everything entered, read-only, with the location's TAT and what still blocks approval; the intake's
/// free-text fields (`IntakeField.all`) are keys of the same object.
typealias APISummary = WithIntakeTexts<APISummaryFields>

extension WithIntakeTexts<APISummaryFields> {
    /// The API form of `summary`, its missing answers in words.
    init(_ summary: OrderSummary, localizer: Localizer) {
        self.init(APISummaryFields(summary, localizer: localizer), summary.intake)
    }
}

/// `APISummary` without the intake's free-text fields.
struct APISummaryFields: Sendable, Encodable {
    struct Line: Sendable, Encodable {
        var taskID: Int64
        var question: String
        var answer: String
        var required: Bool
    }
    struct Missing: Sendable, Encodable {
        var field: String
        var message: String
    }

    var number: String
    var status: String
    var statusLabel: String
    var device: String
    var locationName: String
    var methodName: String
    var tatDays: Int
    var turnaroundText: String
    var contact: Contact
    var answers: [Line]
    /// Required questions still unanswered; approval answers 422 while this is not empty.
    var missing: [Missing]

    init(_ summary: OrderSummary, localizer: Localizer) {
        number = summary.number.description
        status = summary.status.rawValue
        statusLabel = summary.status.label
        device = summary.device
        locationName = summary.locationName
        methodName = summary.methodName
        tatDays = summary.tatDays
        turnaroundText = summary.turnaroundText
        contact = summary.contact
        answers = summary.answers.map {
            Line(taskID: $0.taskID, question: $0.question, answer: $0.answer, required: $0.isRequired)
        }
        missing = summary.missing.map { Missing(field: $0.field, message: localizer.text($0.rule)) }
    }
}
