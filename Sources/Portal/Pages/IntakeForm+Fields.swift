import HTMLKit
import RepairCore

extension IntakeForm {
    /// The intake form as posted by the wizard's first page (field names as `IntakeForm`'s properties).
    init(fields: [String: String]) {
        self.init(
            modelID: fields["modelID"] ?? "", locationID: fields["locationID"] ?? "",
            methodID: fields["methodID"] ?? "",
            contactFirstName: fields["contactFirstName"] ?? "", contactSurname: fields["contactSurname"] ?? "",
            contactEmail: fields["contactEmail"] ?? "", contactPhone: fields["contactPhone"] ?? "")
        for field in IntakeField.all {
            self[field] = fields[field.key] ?? ""
        }
    }

    /// The inputs of the intake's free-text fields, in `IntakeField.all` order, with `errors` beside them.
    func textInputs(errors: [String: String]) -> HTML {
        HTML.joined(
            IntakeField.all.map { field in
                field.lines == .single
                    ? Form.textField(
                        name: field.key, label: field.pagePrompt, value: self[field], error: errors[field.key],
                        required: field.isRequired, hint: field.pageHint)
                    : Form.textArea(
                        name: field.key, label: field.pagePrompt, value: self[field], error: errors[field.key],
                        required: field.isRequired, hint: field.pageHint)
            }, separator: "\n")
    }
}
