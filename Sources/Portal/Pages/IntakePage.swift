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
            <h2>Device</h2>
            \(Form.select(
                name: "modelID", label: "Device model", options: modelOptions, selected: form.modelID,
                error: errors["modelID"], required: true))
            \(form.textInputs(errors: errors))
            <h2>Service location and shipping</h2>
            \(Form.radioGroup(
                name: "locationID", label: "Service location", options: locationOptions, selected: form.locationID,
                error: errors["locationID"], required: true))
            \(Form.select(
                name: "methodID", label: "Shipping method", options: methodOptions, selected: form.methodID,
                error: errors["methodID"], required: true,
                hint: "Each method lists the locations that accept it."))
            <h2>Contact</h2>
            \(Form.textField(
                name: "contactFirstName", label: "First name", value: form.contactFirstName,
                error: errors["contactFirstName"], required: true, autocomplete: "given-name"))
            \(Form.textField(
                name: "contactSurname", label: "Surname", value: form.contactSurname, error: errors["contactSurname"],
                required: true, hint: "Anyone who knows the order number and this surname can track the order.",
                autocomplete: "family-name"))
            \(Form.textField(
                name: "contactEmail", label: "E-mail", value: form.contactEmail, error: errors["contactEmail"],
                required: true, type: "email", autocomplete: "email"))
            \(Form.textField(
                name: "contactPhone", label: "Phone", value: form.contactPhone, error: errors["contactPhone"],
                type: "tel", autocomplete: "tel"))
            <div class="actions">\(Form.submitButton("Next: questions"))</div>
            """
        return """
            \(WizardStep.intake.indicator(for: number).html)
            <p>Fields marked <span class="required">*</span> are required.</p>
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
                value: String($0.id), label: "\($0.name) — \($0.tatDays) working day\($0.tatDays == 1 ? "" : "s")")
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
