import HTMLKit
import RepairCore

/// Step 1 of the wizard: device, fault, service location, shipping method and contact.
///
/// Without JavaScript the method list cannot follow the chosen location, so locations are radio
/// buttons (each with its turnaround) and every method names the locations that accept it; the
/// server checks the pair and puts the error beside the method.
struct IntakePage {
    /// What was entered (or the draft's intake, or the prefilled contact).
    var form: IntakeForm
    /// Errors by field name, shown beside their fields.
    var errors: [String: String] = [:]
    var catalogue: Catalogue
    /// The draft being edited; nil on `/orders/new`.
    var number: OrderNumber?
    var csrfToken: String?

    /// Where the form posts: a new draft, or the draft's intake.
    var action: String {
        number.map { OrderPageFormat.path($0, "/intake") } ?? "/orders/new"
    }

    var content: HTML {
        let fields: HTML = """
            <h2>\(L("intake.device"))</h2>
            \(Form.select(
                name: "modelID", label: L("intake.model"), options: modelOptions, selected: form.modelID,
                error: errors["modelID"], required: true, placeholder: L("form.choose")))
            \(form.textInputs(errors: errors))
            <h2>\(L("intake.location_and_shipping"))</h2>
            \(Form.radioGroup(
                name: "locationID", label: L("order.location"), options: locationOptions, selected: form.locationID,
                error: errors["locationID"], required: true))
            \(Form.select(
                name: "methodID", label: L("order.method"), options: methodOptions, selected: form.methodID,
                error: errors["methodID"], required: true, placeholder: L("form.choose"),
                hint: L("intake.method_hint")))
            <h2>\(L("order.contact"))</h2>
            \(Form.textField(
                name: "contactFirstName", label: L("intake.first_name"), value: form.contactFirstName,
                error: errors["contactFirstName"], required: true, autocomplete: "given-name"))
            \(Form.textField(
                name: "contactSurname", label: L("tracking.surname"), value: form.contactSurname, error: errors["contactSurname"],
                required: true, hint: L("intake.surname_hint"),
                autocomplete: "family-name"))
            \(Form.textField(
                name: "contactEmail", label: L("sign_in.email"), value: form.contactEmail, error: errors["contactEmail"],
                required: true, type: "email", autocomplete: "email"))
            \(Form.textField(
                name: "contactPhone", label: L("intake.phone"), value: form.contactPhone, error: errors["contactPhone"],
                type: "tel", autocomplete: "tel"))
            <div class="actions">\(Form.submitButton(L("intake.next")))</div>
            """
        return """
            \(WizardStep.intake.indicator(for: number).html)
            <p>\(L("form.required_note"))</p>
            \(Form.form(action: action, csrfToken: csrfToken, content: fields))
            """
    }

    private var modelOptions: [FormOption] {
        catalogue.models.map { FormOption(value: String($0.id), label: $0.displayName) }
    }

    // Only public locations are offered (SPEC.md, intake).
    private var locationOptions: [FormOption] {
        catalogue.publicLocations.map {
            FormOption(
                value: String($0.id), label: "\($0.name) — \(L("count.working_days", ["count": .number($0.tatDays)]))")
        }
    }

    // A method no public location accepts could never pass validation, so it is not offered.
    private var methodOptions: [FormOption] {
        catalogue.methods.compactMap { method in
            let names = catalogue.publicLocations.filter { $0.methodIDs.contains(method.id) }.map(\.name)
            guard !names.isEmpty else { return nil }
            return FormOption(value: String(method.id), label: "\(method.name) (\(names.joined(separator: ", ")))")
        }
    }
}
