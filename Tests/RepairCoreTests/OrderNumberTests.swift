import Foundation
import Testing

@testable import RepairCore

struct OrderNumberTests {
    @Test(arguments: [
        ("RS-7K2M-9QXD", "RS-7K2M-9QXD"),
        ("rs-7k2m-9qxd", "RS-7K2M-9QXD"),
        ("  RS 7K2M 9QXD \n", "RS-7K2M-9QXD"),
        ("7K2M9QXD", "RS-7K2M-9QXD"),
        ("7k2m-9qxd", "RS-7K2M-9QXD"),
        ("RS7K2M9QXD", "RS-7K2M-9QXD"),
        ("RS-OOOO-IIII", "RS-0000-1111"),
        ("rs-llll-oooo", "RS-1111-0000"),
        ("--RS--7K2M--9QXD--", "RS-7K2M-9QXD"),
        ("RS\u{00A0}7K2M\u{2009}9QXD", "RS-7K2M-9QXD"),
    ])
    func parsesForgivingInput(input: String, expected: String) {
        #expect(OrderNumber(input)?.description == expected)
    }

    @Test(arguments: [
        "", "RS-", "RS-7K2M-9QX", "RS-7K2M-9QXDD", "7K2M9QX", "XX-7K2M-9QXD", "RS-7K2M-9QXU", "RS-7K2M-9Q#D",
        "RS-7K2M-9QXÐ", "7K2M 9QXD 1", "RSRS7K2M9QXD", "RS-7K2M-9QX\u{0301}D", "ＲＳ-7K2M-9QXD",
    ])
    func rejectsInvalidInput(input: String) {
        #expect(OrderNumber(input) == nil)
    }

    @Test func randomNumbersUseTheAlphabetAndAreRepeatableWithASeed() {
        let first = OrderNumberSource.seeded(42)
        let second = OrderNumberSource.seeded(42)
        let numbers = (0..<200).map { _ in first.next() }
        #expect(numbers == (0..<200).map { _ in second.next() })
        #expect(Set(numbers).count == 200)
        for number in numbers {
            #expect(number.code.count == 8)
            #expect(number.code.allSatisfy(OrderNumber.alphabet.contains))
            #expect(OrderNumber(number.description) == number)
        }
    }

    @Test func systemSourceDrawsDifferentNumbers() {
        let numbers = Set((0..<100).map { _ in OrderNumberSource.system.next() })
        #expect(numbers.count == 100)
    }

    @Test func codableUsesThePrintedFormAndRejectsGarbage() throws {
        let number = try #require(OrderNumber("7k2m9qxd"))
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == "[\"RS-7K2M-9QXD\"]")
        #expect(try JSONDecoder().decode([OrderNumber].self, from: Data("[\"rs-7k2m-9qxd\"]".utf8)) == [number])
        #expect(throws: Problem.invalid("number", .orderNumberFormat)) {
            try JSONDecoder().decode([OrderNumber].self, from: Data("[\"RS-UUUU-0000\"]".utf8))
        }
    }
}
