import Foundation
import RepairCore
import Testing

@testable import Localization

struct PipelineTests {
    let catalogue = Catalogue.make()
    let now = Date(timeIntervalSince1970: 2_000)

    @Test(arguments: [
        (Int64(1), Int64(10), [Int64(1), 2]),
        (2, 10, [1, 4]),
        (1, 20, [1, 2, 3]),
        (2, 20, [1, 3, 4]),
    ])
    func questionsAreTheTasksThatApply(modelID: Int64, customerID: Int64, expected: [Int64]) {
        #expect(catalogue.applicableTasks(modelID: modelID, customerID: customerID).map(\.id) == expected)
    }

    @Test(arguments: [
        (Int64(1), " yes ", Answer.yesNo(true)), (1, "No", .yesNo(false)), (2, "1234", .text("1234")),
        (3, "box", .choice("box")), (4, "812", .number(812)), (4, "-1.5", .number(-1.5)),
    ])
    func answersAreParsedByKind(taskID: Int64, raw: String, expected: Answer) throws {
        let task = try #require(catalogue.tasks.first { $0.id == taskID })
        #expect(try Answer.parse(raw, for: task) == expected)
    }

    @Test(arguments: [
        (Int64(1), "maybe", "must be yes or no"), (3, "Box", "must be one of: box, none"),
        (4, "many", "must be a number"),
        (4, "nan", "must be a number"), (4, "inf", "must be a number"), (2, "  ", "an answer is required"),
        (2, String(repeating: "x", count: 2_001), "must be at most 2000 characters"),
    ])
    func answersOfTheWrongKindAreRefused(taskID: Int64, raw: String, rule: String) throws {
        let task = try #require(catalogue.tasks.first { $0.id == taskID })
        let error = #expect(throws: Problem.self) { try Answer.parse(raw, for: task) }
        #expect(error?.fieldErrors.map(\.field) == ["answer.\(taskID)"])
        #expect(error?.fieldErrors.map { Localizer.english.text($0.rule) } == [rule])
    }

    @Test func answeringRecordsAnswersAndRefusesQuestionsThatDoNotApply() throws {
        let order = ServiceOrder.make()
        let answered = try order.answering([1: "yes", 2: "0000"], tasks: catalogue.tasks, by: .make(), at: now)
        #expect(answered.answers == [1: .yesNo(true), 2: .text("0000")])
        #expect(answered.updatedAt == now)
        let cleared = try answered.answering([2: ""], tasks: catalogue.tasks, by: .make(), at: now)
        #expect(cleared.answers == [1: .yesNo(true)])
        #expect(throws: Problem.invalid("answer.4", .notAQuestion)) {
            try order.answering([4: "3"], tasks: catalogue.tasks, by: .make(), at: now)
        }
        #expect(throws: Problem.invalid("answer.5", .notAQuestion)) {
            try order.answering([5: "screen"], tasks: catalogue.tasks, by: .make(), at: now)
        }
    }

    @Test func revisingTheModelDropsAnswersThatNoLongerApply() throws {
        let order = try ServiceOrder.make().answering(
            [1: "yes", 2: "0000"], tasks: catalogue.tasks, by: .make(), at: now)
        var intake = order.intake
        intake.modelID = 2
        let revised = try order.revising(intake, tasks: catalogue.tasks, by: .make(), at: now)
        #expect(revised.answers == [1: .yesNo(true)])
    }

    @Test func customerApprovalSubmitsAndResellerApprovalConfirms() throws {
        let order = try ServiceOrder.make().answering([1: "no"], tasks: catalogue.tasks, by: .make(), at: now)
        let (submitted, event) = try order.approved(by: .make(), customer: .make(), tasks: catalogue.tasks, at: now)
        #expect(submitted.status == .submitted)
        #expect(
            event
                == OrderEvent(
                    orderID: 7, at: now, actorUserID: 1, fromStatus: .draft, toStatus: .submitted, note: "approved",
                    isPublic: true))

        let reseller = User.make(id: 2, role: .reseller, customerID: 20)
        let resellerOrder = try ServiceOrder.make(customerID: 20)
            .answering([1: "no", 3: "box"], tasks: catalogue.tasks, by: reseller, at: now)
        let (confirmed, _) = try resellerOrder.approved(
            by: reseller, customer: .make(id: 20, isReseller: true), tasks: catalogue.tasks, at: now)
        #expect(confirmed.status == .confirmed)
    }

    @Test func unansweredRequiredQuestionBlocksApproval() {
        let order = ServiceOrder.make()
        #expect(
            order.missingAnswers(tasks: catalogue.tasks) == [
                FieldError(field: "answer.1", rule: FieldRule(.unanswered))
            ])
        #expect(throws: Problem.invalid("answer.1", .unanswered)) {
            try order.approved(by: .make(), customer: .make(), tasks: catalogue.tasks, at: now)
        }
    }

    @Test func approvingTwiceIsRefused() throws {
        let order = ServiceOrder.make(status: .submitted)
        #expect(throws: Problem.alreadyApproved(order.number)) {
            try order.approved(by: .make(), customer: .make(), tasks: catalogue.tasks, at: now)
        }
        #expect(throws: Problem.notADraft(order.number)) {
            try order.answering([1: "yes"], tasks: catalogue.tasks, by: .make(), at: now)
        }
    }

    @Test func actingOnAnotherCustomersOrderIsForbidden() {
        let order = ServiceOrder.make(customerID: 10)
        let stranger = User.make(id: 9, customerID: 11)
        let forbidden = Problem.forbidden(.otherCustomersOrder)
        #expect(throws: forbidden) { try order.answering([1: "yes"], tasks: catalogue.tasks, by: stranger, at: now) }
        #expect(throws: forbidden) {
            try order.approved(by: stranger, customer: .make(), tasks: catalogue.tasks, at: now)
        }
        #expect(throws: Problem.forbidden(.orderForOtherCustomer)) {
            try ServiceOrder.makeDraft(
                number: order.number, customerID: 10, by: stranger, intake: order.intake, at: now)
        }
        #expect(throws: Problem.forbidden(.orderOfOtherCustomer)) {
            try order.approved(
                by: .make(role: .agent, customerID: nil), customer: .make(id: 11), tasks: catalogue.tasks, at: now)
        }
        var disabled = User.make()
        disabled.isDisabled = true
        #expect(throws: Problem.forbidden(.accountDisabled)) { try disabled.checkCanAct(on: order) }
        var unconfirmed = User.make()
        unconfirmed.isConfirmed = false
        #expect(throws: Problem.forbidden(.accountNotConfirmed)) {
            try unconfirmed.checkCanAct(on: order)
        }
    }

    @Test func onlyStaffMoveOrdersAndEveryMoveIsAnEvent() throws {
        let order = ServiceOrder.make(status: .submitted)
        let agent = User.make(id: 3, role: .agent, customerID: nil)
        let (moved, event) = try order.moving(to: .confirmed, by: agent, note: " ok ", isPublic: true, at: now)
        #expect(moved.status == .confirmed)
        #expect(
            event.fromStatus == .submitted && event.toStatus == .confirmed && event.note == "ok"
                && event.actorUserID == 3)
        #expect(throws: Problem.forbidden(.staffOnly)) {
            try order.moving(to: .confirmed, by: .make(), at: now)
        }
        #expect(throws: Problem.illegalTransition(from: .submitted, to: .closed)) {
            try order.moving(to: .closed, by: agent, at: now)
        }
    }

    @Test func summaryShowsEverythingWithTheTurnaround() throws {
        let order = try ServiceOrder.make().answering([2: "0000"], tasks: catalogue.tasks, by: .make(), at: now)
        let summary = try OrderSummary.make(order: order, catalogue: catalogue)
        #expect(summary.device == "Apple iPhone 13")
        #expect(summary.locationName == "Warszawa" && summary.methodName == "Courier")
        #expect(summary.turnaroundText == "expected turnaround: 5 working days")
        #expect(summary.answers.map(\.answer) == ["", "0000"])
        #expect(summary.missing.map(\.field) == ["answer.1"])
        #expect(Catalogue.make().locations[1].turnaroundText == "expected turnaround: 1 working day")
        var broken = order
        broken.intake.locationID = 99
        #expect(throws: Problem.notFound(.location, key: "99")) {
            try OrderSummary.make(order: broken, catalogue: catalogue)
        }
    }

    @Test func notesAreCheckedAndCustomerNotesArePublic() throws {
        let order = ServiceOrder.make(status: .received)
        let agent = User.make(id: 3, role: .agent, customerID: nil)
        #expect(try order.noting("internal", by: agent, isPublic: false, at: now).isPublic == false)
        #expect(try order.noting("mine", by: .make(), isPublic: false, at: now).isPublic == true)
        #expect(throws: Problem.invalid("note", .tooLong, ["maximum": 5000])) {
            try order.noting(String(repeating: "x", count: 5_001), by: agent, isPublic: true, at: now)
        }
        #expect(throws: Problem.forbidden(.otherCustomersOrder)) {
            try order.noting("hi", by: .make(id: 9, customerID: 11), isPublic: true, at: now)
        }
    }
}
