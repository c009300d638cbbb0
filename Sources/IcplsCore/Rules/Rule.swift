import IcplsDocument

/// What a rule says about itself: `icpls rules`, `icpls explain`, the README
/// table, SARIF's rule list and the example tests all read it.
public struct RuleDescription: Sendable {
    public let id: RuleID
    public let defaultSeverity: Severity
    /// A document on which the rule fires exactly at the ranges marked `⟦…⟧`.
    public let failingExample: String
    /// A document on which the rule does not fire.
    public let passingExample: String

    public init(id: RuleID, severity: Severity, failing: String, passing: String) {
        self.id = id
        self.defaultSeverity = severity
        self.failingExample = failing
        self.passingExample = passing
    }

    /// The date the examples are judged on.
    public static let exampleAsOf = CalendarDate(year: 2026, month: 6, day: 15)!
}

public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: RuleContext, _ sink: inout DiagnosticSink)
}

extension Rule {
    public var id: RuleID { description.id }
}

/// What every rule may read: the workspace index and the analyses shared by rules, fixes and the editor features.
public final class RuleContext: Sendable {
    public let index: WorkspaceIndex
    public let asOf: CalendarDate
    public let numberUsage: NumberUsage
    public let quotaUsage: QuotaUsage
    public let fixes: FixFactory
    public let hostJudgements: [HostJudgement]

    /// The analyses of `index`, judged on the day its inventory was judged on.
    public init(index: WorkspaceIndex, catalog: any MessageCatalog) {
        self.index = index
        asOf = index.inventory.asOf
        // Number usage, quota usage and host judgements are independent of one another: made
        // side by side, the first (the longest) on one core, the others on the other.
        (numberUsage, (quotaUsage, hostJudgements)) = Parallel.both(
            { NumberUsage(index) },
            { (QuotaUsage(index), HostJudgement.judge(index)) }
        )
        fixes = FixFactory(index: index, numberUsage: numberUsage, catalog: catalog)
    }
}

/// Collects a rule's findings as diagnostics with words from the catalog.
public struct DiagnosticSink {
    let index: WorkspaceIndex
    let catalog: any MessageCatalog
    let severity: Severity
    let rule: RuleID
    public private(set) var diagnostics: [Diagnostic] = []

    init(index: WorkspaceIndex, catalog: any MessageCatalog, rule: RuleID, severity: Severity) {
        self.index = index
        self.catalog = catalog
        self.rule = rule
        self.severity = severity
    }

    public mutating func emit(
        document: Int, range: ByteRange, _ message: Message,
        related: [(Location, Message)] = [], fixes: [Fix] = []
    ) {
        diagnostics.append(Diagnostic(
            rule: rule, severity: severity,
            location: index.location(document, range),
            message: catalog.text(message),
            related: related.map { RelatedLocation(location: $0.0, message: catalog.text($0.1)) },
            fixes: fixes
        ))
    }
}
