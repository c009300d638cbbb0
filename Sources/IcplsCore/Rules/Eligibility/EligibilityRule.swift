import IcplsDocument

/// The eligibility of one draft website's host, judged once and read by ICP401–ICP408.
public struct HostJudgement: Sendable {
    public var website: Int
    /// The value the host was taken from: the number, or the instance.
    public var takenFrom: ByteRange
    public var instanceDocument: Int
    public var problems: [EligibilityProblem]

    /// Each draft Alibaba Cloud website whose host is declared, in workspace order.
    static func judge(_ index: WorkspaceIndex) -> [HostJudgement] {
        var judgements: [HostJudgement] = []
        for (websiteIndex, entry) in index.websites.enumerated() where entry.isDraft && entry.hosting == .alibabaCloud {
            guard let host = index.host(of: entry) else { continue }
            let problems = index.inventory.eligibility[host.position]
            judgements.append(HostJudgement(website: websiteIndex, takenFrom: host.takenFrom, instanceDocument: host.instance.document, problems: problems))
        }
        return judgements
    }
}

/// ICP401–ICP408 report the host problems of their own ID.
protocol EligibilityRule: Rule {
    func fixes(for judgement: HostJudgement, _ context: RuleContext) -> [Fix]
}

extension EligibilityRule {
    func fixes(for judgement: HostJudgement, _ context: RuleContext) -> [Fix] { [] }

    func check(_ context: RuleContext, _ sink: inout DiagnosticSink) {
        for judgement in context.hostJudgements {
            for problem in judgement.problems where problem.rule == id {
                let entry = context.index.websites[judgement.website]
                sink.emit(
                    document: entry.document, range: judgement.takenFrom, problem.message,
                    related: [(context.index.location(judgement.instanceDocument, problem.cause), .relatedCause)],
                    fixes: fixes(for: judgement, context)
                )
            }
        }
    }
}

/// The instance the examples of ICP401–ICP408 change one member of.
enum EligibilityExample {
    static func document(_ instanceMembers: String, website: String = #""serviceNumber": ⟦"SN-1"⟧"#) -> String {
        """
        {
          "accounts": [ { "id": "acct-buy" } ],
          "instances": [ { "id": "i-web", "account": "acct-buy", \(instanceMembers) } ],
          "serviceNumbers": [ { "number": "SN-1", "instance": "i-web", "appliedBy": "acct-buy" } ],
          "filings": [ { "id": "F-1", "account": "acct-buy", "websites": [ { "domain": "shop.example.cn", \(website) } ] } ]
        }
        """
    }

    static let eligibleECS = #""product": "ecs", "region": "cn-hangzhou", "billing": "subscription", "expiresOn": "2027-06-30", "publicBandwidthMbps": 5"#

    static func passing() -> String {
        document(eligibleECS, website: #""serviceNumber": "SN-1""#)
    }
}
