import HTMLKit
import RepairCore

/// Step 2 of the wizard: the questions (tasks) that apply to the draft, one field per answer kind.
struct QuestionsPage {
    var order: ServiceOrder
    /// The applicable tasks, in catalogue order.
    var tasks: [ServiceTask]
    /// What each field shows: the posted text on a re-render, else the stored answer.
    var values: [Int64: String]
    /// Errors by field name (`answer.<id>`), shown beside their fields.
    var errors: [String: String] = [:]
    var csrfToken: String?

    var content: HTML {
        let questions: HTML =
            tasks.isEmpty
            ? "<p class=\"empty\">\(L("questions.none"))</p>"
            : """
            <p>\(L("questions.required_note"))</p>
            \(tasks.map(field))
            """
        let form: HTML = """
            \(questions)
            <div class="actions">\(Form.submitButton(L("questions.next")))\
            <a class="button secondary" href="\(HTML.safeURL(OrderPageFormat.path(order.number, "/intake")))">\(L("questions.back"))</a></div>
            """
        return """
            \(WizardStep.questions.indicator(for: order.number).html)
            \(Form.form(action: OrderPageFormat.path(order.number, "/questions"), csrfToken: csrfToken, content: form))
            """
    }

    private func field(_ task: ServiceTask) -> HTML {
        let name = task.fieldName
        let value = values[task.id] ?? ""
        let error = errors[name]
        let required = task.isRequiredInPortal
        switch task.kind {
        case .text:
            return Form.textArea(name: name, label: task.text, value: value, error: error, required: required, rows: 2)
        case .yesNo:
            let answer: Bool? =
                switch value.lowercased() {
                case "yes": true
                case "no": false
                default: nil
                }
            return Form.yesNo(
                name: name, label: task.text, value: answer, error: error, required: required,
                labels: (L("answer.yes"), L("answer.no")))
        case .choice(let options):
            return Form.radioGroup(
                name: name, label: task.text, options: options.map { FormOption(value: $0, label: $0) },
                selected: value, error: error, required: required)
        case .number:
            return Form.textField(
                name: name, label: task.text, value: value, error: error, required: required,
                hint: "A number, e.g. 250 or 3.5.")
        }
    }
}
