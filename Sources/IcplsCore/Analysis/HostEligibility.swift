import IcplsDocument

/// Whether an instance can host a draft website (ICP401–ICP408), judged in
/// the order of SPEC §4; a "stop" line ends the judging.
public struct EligibilityProblem: Sendable {
    public var rule: RuleID
    public var message: Message
    /// The instance member that causes it, or the instance's `id` when that member is absent.
    public var cause: ByteRange
}

public enum HostEligibility {
    public static func problems(of instance: InstanceDeclaration, asOf: CalendarDate) -> [EligibilityProblem] {
        guard let id = instance.id else { return [] }
        let name = id.value
        var problems: [EligibilityProblem] = []
        let product = instance.product?.value
        if let product, product.hosting == nil {
            return [EligibilityProblem(rule: "ICP408", message: .productCannotHost(instance: name, product: product), cause: instance.product!.range)]
        }
        if let region = instance.region, let area = Regions.area(of: region.value) {
            switch area {
            case .hongKong:
                return [EligibilityProblem(rule: "ICP402", message: .hostedInHongKong(instance: name), cause: region.range)]
            case .outsideMainland:
                return [EligibilityProblem(rule: "ICP401", message: .hostedOutsideMainland(instance: name, region: region.value), cause: region.range)]
            case .mainland:
                break
            }
        }
        if let billing = instance.billing, billing.value == .payAsYouGo {
            problems.append(EligibilityProblem(rule: "ICP403", message: .payAsYouGo(instance: name), cause: billing.range))
        }
        var isExpired = false
        if let status = instance.status, status.value == .expired || status.value == .released {
            isExpired = true
            problems.append(EligibilityProblem(rule: "ICP405", message: .instanceExpiredByStatus(instance: name, status: status.value), cause: status.range))
        } else if let expiresOn = instance.expiresOn, expiresOn.value < asOf {
            isExpired = true
            problems.append(EligibilityProblem(rule: "ICP405", message: .instanceExpiredOn(instance: name, expiresOn: expiresOn.value), cause: expiresOn.range))
        }
        guard let product, let hosting = product.hosting else { return problems }
        let isSubscription = instance.billing?.value == .subscription
        if isSubscription, let months = instance.subscriptionMonths, months.value < Double(hosting.minimumSubscriptionMonths) {
            problems.append(EligibilityProblem(
                rule: "ICP404",
                message: .subscriptionTooShort(instance: name, months: Int(months.value), minimum: hosting.minimumSubscriptionMonths, product: product),
                cause: months.range
            ))
        }
        if isSubscription, !isExpired, let expiresOn = instance.expiresOn {
            let needed = asOf.adding(months: hosting.minimumSubscriptionMonths)
            if expiresOn.value < needed {
                problems.append(EligibilityProblem(
                    rule: "ICP406",
                    message: .subscriptionEndsTooSoon(instance: name, expiresOn: expiresOn.value, needed: needed, minimumMonths: hosting.minimumSubscriptionMonths),
                    cause: expiresOn.range
                ))
            }
        }
        if hosting.needsPublicBandwidth, (instance.publicBandwidthMbps?.value ?? 0) == 0 {
            problems.append(EligibilityProblem(rule: "ICP407", message: .noPublicBandwidth(instance: name), cause: instance.publicBandwidthMbps?.range ?? id.range))
        }
        return problems
    }

    public static func isEligible(_ instance: InstanceDeclaration, asOf: CalendarDate) -> Bool {
        problems(of: instance, asOf: asOf).isEmpty
    }
}
