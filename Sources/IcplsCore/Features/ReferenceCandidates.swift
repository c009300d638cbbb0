import IcplsDocument

/// The declared ids and numbers a reference can name, in the order they are
/// most likely wanted, each with what tells them apart.
struct ReferenceCandidates {
    let result: CheckResult
    private var index: WorkspaceIndex { result.index }
    private var context: RuleContext { result.context }

    func accounts() -> [Completion.Candidate] {
        index.accountIDs.map { id in
            .value(id, detail: index.accounts[id]?.declaration.name?.value, kind: .reference)
        }
    }

    /// Instances in workspace order, those of `purchaser` first.
    func instances(preferringPurchaser purchaser: String?) -> [Completion.Candidate] {
        let ids = index.instanceIDs
        let isPreferred: (String) -> Bool = { id in purchaser.map { purchaserOf(id)?.isExactly($0) == true } ?? false }
        let ordered = ids.filter(isPreferred) + ids.filter { !isPreferred($0) }
        return ordered.compactMap { id in
            guard let instance = index.instances[id]?.declaration else { return nil }
            var facts = [instance.product?.value.rawValue, instance.region?.value].compactMap { $0 }
            if let account = instance.account?.value { facts.append("purchased by \(account)") }
            return .value(id, detail: facts.joined(separator: " · "), documentation: eligibility(of: instance), kind: .reference)
        }
    }

    /// Numbers that can back a website now first (unused, applied for by the
    /// purchaser, on an eligible host: the quick fixes' order), then the other
    /// unused ones, then the used ones; each group in workspace order.
    func serviceNumbers() -> [Completion.Candidate] {
        let ready = context.fixes.unusedNumbers.map(\.number)
        let readySet = Set(ready.map(ExactText.init))
        let others = index.numberIDs.filter { !readySet.contains(ExactText($0)) }
        let unused = others.filter { context.numberUsage.isUnconsumed($0) }
        let used = others.filter { !context.numberUsage.isUnconsumed($0) }
        return ready.map { number($0, usage: "unused", documentation: nil) }
            + unused.map { number($0, usage: "unused, cannot back a website now", documentation: whyNotReady($0)) }
            + used.map { number($0, usage: usage(of: $0), documentation: nil) }
    }

    private func number(_ number: String, usage: String, documentation: String?) -> Completion.Candidate {
        let declaration = index.serviceNumbers[number]?.declaration
        let instance = declaration?.instance?.value ?? "no instance"
        let applicant = declaration?.appliedBy?.value ?? "no account"
        return .value(number, detail: "on \(instance), applied by \(applicant) · \(usage)", documentation: documentation, kind: .reference)
    }

    private func usage(of number: String) -> String {
        switch context.numberUsage.firstConsumer(of: number) {
        case .markedUsed?:
            return "used outside this workspace"
        case .website(let first)?:
            let entry = index.websites[first]
            let domain = entry.website.domain?.value ?? "a website"
            return "used by \(domain)" + (entry.filing.id.map { " (\($0.value))" } ?? "")
        case nil:
            return "unused"
        }
    }

    private func whyNotReady(_ number: String) -> String? {
        guard let declaration = index.serviceNumbers[number]?.declaration else { return nil }
        guard let instanceID = declaration.instance?.value, let instance = index.instances[instanceID]?.declaration else {
            return "Its instance is not declared."
        }
        if let purchaser = instance.account?.value, declaration.appliedBy?.value.isExactly(purchaser) != true {
            return "It was not applied for by \(purchaser), who purchased \(instanceID)."
        }
        return eligibility(of: instance)
    }

    /// Why an instance cannot host a draft website, in the catalog's words; nil when it can.
    private func eligibility(of instance: InstanceDeclaration) -> String? {
        let problems = HostEligibility.problems(of: instance, asOf: context.asOf)
        guard !problems.isEmpty else { return nil }
        return problems.map { "\($0.rule): \(context.fixes.catalog.text($0.message))" }.joined(separator: "\n")
    }

    private func purchaserOf(_ instance: String) -> String? {
        index.instances[instance]?.declaration.account?.value
    }
}
