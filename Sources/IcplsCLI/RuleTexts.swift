import IcplsCore

/// `icpls rules` and `icpls explain`, read from the rule registry and the catalog.
enum RuleTexts {
    static func list(_ console: Console, catalog: any MessageCatalog = EnglishCatalog()) {
        for rule in RuleRegistry.all {
            let severity = rule.description.defaultSeverity.rawValue
            console.out("\(rule.id)  \(severity.padding(to: 7))  \(catalog.title(of: rule.id))\n")
        }
    }

    static func explain(_ id: String, _ console: Console, catalog: any MessageCatalog = EnglishCatalog()) -> Int32 {
        guard let rule = RuleRegistry.rule(RuleID(rawValue: id.uppercased())) else {
            console.error("icpls: `\(id)` is not a rule; run `icpls rules` to list them.\n")
            return 2
        }
        let description = rule.description
        console.out("""
        \(description.id): \(catalog.title(of: description.id))
        Default severity: \(description.defaultSeverity.rawValue)

        Why: \(catalog.rationale(of: description.id))

        Fails (as of \(RuleDescription.exampleAsOf)):
        \(indent(withoutMarkers(description.failingExample)))

        Passes:
        \(indent(withoutMarkers(description.passingExample)))

        Turn it off or change its severity in .icpls.json: { "rules": { "\(description.id)": "off" } }
        or on one line with a comment: // icp-ignore \(description.id)

        """)
        return 0
    }

    /// An example as a user would write it: without the `⟦…⟧` markers the tests read.
    static func withoutMarkers(_ example: String) -> String {
        String(example.unicodeScalars.filter { $0 != "⟦" && $0 != "⟧" }.map(Character.init))
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
