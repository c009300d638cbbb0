import Testing
@testable import IcplsCore

@Suite struct CalendarDateTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    @Test(arguments: [
        ("2026-11-30", 3, "2027-02-28"),
        ("2027-11-30", 3, "2028-02-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2026-03-31", 1, "2026-04-30"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2026-06-15", 0, "2026-06-15"),
        ("2026-06-15", 6, "2026-12-15"),
        ("1900-01-29", 1, "1900-02-28"),
        ("2000-01-29", 1, "2000-02-29"),
        ("9999-11-30", 1, "9999-12-30"),
        ("9999-11-30", 2, "9999-12-31"),
    ])
    func addingMonthsClampsTheDayToTheMonthEnd(start: String, months: Int, expected: String) {
        #expect(Self.date(start).adding(months: months).description == expected)
    }

    @Test(arguments: ["2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01",
                      "2026-1-01", "20260101", "2026/01/01", "2026-01-01 ", " 2026-01-01", "２０２６-01-01", "", "+026-01-01"])
    func onlyRealDatesInTheExactShapeParse(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2026-06-15"])
    func realDatesParseAndPrintTheSame(text: String) {
        #expect(CalendarDate(parsing: text)?.description == text)
    }

    @Test func datesCompareByYearMonthAndDay() {
        #expect(Self.date("2026-06-14") < Self.date("2026-06-15"))
        #expect(Self.date("2026-05-31") < Self.date("2026-06-01"))
        #expect(Self.date("2025-12-31") < Self.date("2026-01-01"))
        #expect(!(Self.date("2026-06-15") < Self.date("2026-06-15")))
    }

    @Test(arguments: [
        ("2026-06-15", "2026-09-15", 3), ("2026-06-15", "2026-09-14", 2), ("2026-11-30", "2027-02-28", 3),
        ("2026-06-15", "2026-06-15", 0), ("2026-06-15", "2026-05-15", -1), ("2026-06-15", "2026-05-16", 0),
    ])
    func wholeMonthsUntilALaterDate(start: String, end: String, months: Int) {
        #expect(Self.date(start).wholeMonths(until: Self.date(end)) == months)
    }
}
