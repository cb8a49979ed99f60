import RepairCore

// The intake fields' words come from the catalogue (`field.<key>.<kind>`); the core's English texts stay the
// CLI's and the OpenAPI document's.
extension IntakeField {
    /// The label on the order pages.
    var pageLabel: String { L("field.\(key).label") }
    /// The label on the staff order page and the packing list.
    var pageStaffLabel: String { L("field.\(key).staff_label") }
    /// The label of the input on the intake page.
    var pagePrompt: String { L("field.\(key).prompt") }
    /// The hint under the input, when the field has one.
    var pageHint: String? { hint == nil ? nil : L("field.\(key).hint") }
}
